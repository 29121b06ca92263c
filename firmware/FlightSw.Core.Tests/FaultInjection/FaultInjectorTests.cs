using FlightSw.Core.Commands;
using FlightSw.Core.Components;
using FlightSw.Core.FaultInjection;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Storage;
using FlightSw.Core.Tests.Fixtures;
using FlightSw.Hal;
using FlightSw.Hal.Memory;

namespace FlightSw.Core.Tests.FaultInjection;

public class FaultInjectorTests
{
    private static TestNode Node() => TestNode.Boot(app =>
    {
        app.Add(new TestComponent(), RateGroupId.Rate10Hz);
        app.Add(new FaultInjector());
    });

    private static TestComponent Probe(TestNode node) => (TestComponent)node.App.FindComponent("probe")!;

    [Test]
    public void FiHangCommand_KnownComponent_HangsItUntilTheNextReset()
    {
        using var node = Node();

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_HANG", "PROBE"));
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("FI_HANG", CommandStatus.Completed, "probe hung")));
            Assert.That(node.EventsNamed("FI_INJECTED").Select(e => e.Message), Is.EqualTo(new[] { "Injected hang into probe" }));
            Assert.That(Probe(node).IsHung, Is.True);
            Assert.That(Probe(node).Cycles, Is.Empty);
        }
    }

    [Test]
    public void FiHangCommand_HungComponent_IsRestartedByTheHealthMonitorAndRunsAgain()
    {
        using var node = Node();
        node.App.Commands.Execute(CommandRequest.Of("FI_HANG", "probe"));

        node.RunFor(TimeSpan.FromSeconds(6));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.EventsNamed("HEALTH_UNRESPONSIVE"), Has.Count.EqualTo(1));
            Assert.That(node.EventsNamed("HEALTH_RESTARTED").Select(e => e.Message), Is.EqualTo(new[] { "Restarted component probe (restart 1 within 600 s)" }));
            Assert.That(Probe(node).IsHung, Is.False);
            Assert.That(Probe(node).Cycles, Is.Not.Empty);
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void FiHangCommand_HungAgainAfterItsRestart_EndsInAWarmResetAndAFreshBoot()
    {
        using var node = Node();
        node.App.Commands.Execute(CommandRequest.Of("FI_HANG", "probe"));
        node.RunFor(TimeSpan.FromSeconds(6));
        node.App.Commands.Execute(CommandRequest.Of("FI_HANG", "probe"));

        node.RunUntilBoot(2);
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Boots[0].Events.Snapshot().Count(e => e.Name == "HEALTH_UNRESPONSIVE"), Is.EqualTo(2));
            Assert.That(node.Hardware.Resets.Select(r => (r.Cause, r.Reason)), Is.EqualTo(new[]
            {
                (ResetCause.CommandedWarmReset, "health: probe hung again after 1 restart(s) within 600 s"),
            }));
            Assert.That(Probe(node).IsHung, Is.False);
            Assert.That(Probe(node).Cycles, Has.Count.EqualTo(10));
        }
    }

    [Test]
    public void FiHangCommand_UnknownComponent_RejectedListingTheKnownOnes()
    {
        using var node = Node();

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_HANG", "radio"));

        Assert.That(response, Is.EqualTo(new CommandResponse("FI_HANG", CommandStatus.Rejected,
            "no component named 'radio'; known: boot, commands, faults, health, modes, params, probe, scheduler")));
    }

    [Test]
    public void FiFlipBitCommand_KnownRegion_FlipsExactlyThePhysicalBitOfThatCodewordBit()
    {
        using var node = Node();
        var memory = Register(node, new TestMemory("sram", words: 4));

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "sram", "1", "3"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("FI_FLIP_BIT", CommandStatus.Completed, "flipped bit 3 of word 1 in sram")));
            Assert.That(memory.Flipped, Is.EqualTo(new[] { memory.PhysicalBitOf(new CodewordBit(1, 3)) }));
            Assert.That(memory.Flipped, Is.EqualTo(new[] { 13L }), "bit-major layout: bit 3 of 4 words, word 1");
        }
    }

    [Test]
    public void FiFlipBitCommand_KnownRegion_EmitsInjectedNamingTheBitAndRegion()
    {
        using var node = Node();
        Register(node, new TestMemory("sram", words: 4));

        node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "sram", "2", "70"));

        Assert.That(node.EventsNamed("FI_INJECTED").Select(e => e.Message),
            Is.EqualTo(new[] { "Injected bit flip (word 2, bit 70) into sram" }));
    }

    [TestCase(0u, 0)]
    [TestCase(0u, 63)]
    [TestCase(2u, 64)]
    [TestCase(3u, 71)]
    [TestCase(3u, 0)]
    public void FiFlipBitCommand_DataOrCheckBit_FlipsOnlyThatPhysicalBit(uint word, int bit)
    {
        using var node = Node();
        var memory = Register(node, new TestMemory("sram", words: 4));

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "sram", $"{word}", $"{bit}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Completed), response.Message);
            Assert.That(memory.Flipped, Is.EqualTo(new[] { (long)bit * 4 + word }));
            Assert.That(memory.Locate(memory.Flipped.Single()), Is.EqualTo(new CodewordBit(word, bit)));
        }
    }

    [Test]
    public void FiFlipBitCommand_SeveralRegions_FlipsOnlyTheNamedOne()
    {
        using var node = Node();
        var first = Register(node, new TestMemory("sram", words: 4));
        var second = Register(node, new TestMemory("cache", words: 8));

        node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "cache", "5", "9"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Flipped, Is.Empty);
            Assert.That(second.Flipped, Is.EqualTo(new[] { second.PhysicalBitOf(new CodewordBit(5, 9)) }));
        }
    }

    [Test]
    public void FiFlipBitCommand_UnknownRegion_RejectedListingTheKnownOnesAndNothingFlipped()
    {
        using var node = Node();
        var first = Register(node, new TestMemory("sram", words: 4));
        var second = Register(node, new TestMemory("cache", words: 8));

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "dram", "0", "0"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("FI_FLIP_BIT", CommandStatus.Rejected,
                "no memory region named 'dram'; known: sram, cache")));
            Assert.That(first.Flipped, Is.Empty);
            Assert.That(second.Flipped, Is.Empty);
            Assert.That(node.EventsNamed("FI_INJECTED"), Is.Empty);
        }
    }

    [Test]
    public void FiFlipBitCommand_NoRegionsRegistered_Rejected()
    {
        using var node = Node();

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "sram", "0", "0"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Rejected));
            Assert.That(response.Message, Does.StartWith("no memory region named 'sram'"));
            Assert.That(node.EventsNamed("FI_INJECTED"), Is.Empty);
        }
    }

    [TestCase(4u)]
    [TestCase(uint.MaxValue)]
    public void FiFlipBitCommand_WordOutOfRange_RejectedAndNothingFlipped(uint word)
    {
        using var node = Node();
        var memory = Register(node, new TestMemory("sram", words: 4));

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "sram", $"{word}", "0"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("FI_FLIP_BIT", CommandStatus.Rejected,
                $"region sram has no bit 0 of word {word} (it holds 288 bits)")));
            Assert.That(memory.Flipped, Is.Empty);
            Assert.That(node.EventsNamed("FI_INJECTED"), Is.Empty);
        }
    }

    [Test]
    public void FiFlipBitCommand_BitBeyondTheRegionsCodeword_RejectedAndNothingFlipped()
    {
        using var node = Node();
        var memory = Register(node, new TestMemory("plain", words: 4, bitsPerWord: 64));

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "plain", "1", "64"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("FI_FLIP_BIT", CommandStatus.Rejected,
                "region plain has no bit 64 of word 1 (it holds 256 bits)")));
            Assert.That(memory.Flipped, Is.Empty);
            Assert.That(node.EventsNamed("FI_INJECTED"), Is.Empty);
        }
    }

    [TestCase("72")]
    [TestCase("4294967295")]
    public void FiFlipBitCommand_BitAbove71_RejectedByArgumentBoundsAndNothingFlipped(string bit)
    {
        using var node = Node();
        var memory = Register(node, new TestMemory("sram", words: 4));

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "sram", "0", bit));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("FI_FLIP_BIT", CommandStatus.InvalidArguments,
                $"argument 'bit' must be between 0 and 71 (was {bit})")));
            Assert.That(memory.Flipped, Is.Empty);
            Assert.That(node.EventsNamed("FI_INJECTED"), Is.Empty);
        }
    }

    [TestCase("-1", "0")]
    [TestCase("0", "-1")]
    [TestCase("one", "0")]
    public void FiFlipBitCommand_NegativeOrNonNumericArgument_InvalidArgumentsAndNothingFlipped(string word, string bit)
    {
        using var node = Node();
        var memory = Register(node, new TestMemory("sram", words: 4));

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_FLIP_BIT", "sram", word, bit));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.InvalidArguments));
            Assert.That(memory.Flipped, Is.Empty);
        }
    }

    [Test]
    public void FiCrashAtBootCommand_KnownComponent_ArmsItInTheStoreAndThisBootRunsOn()
    {
        using var node = Node();

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_CRASH_AT_BOOT", "Probe", "2"));
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("FI_CRASH_AT_BOOT", CommandStatus.Completed, "probe crashes at start for the next 2 boots")));
            Assert.That(node.EventsNamed("FI_BOOT_CRASH_ARMED").Select(e => e.Message), Is.EqualTo(new[] { "Component probe will crash at start for the next 2 boots" }));
            Assert.That(new DurableRecordStore(node.Hardware.Store).TryRead(FaultInjector.BootCrashRecord, out _), Is.True);
            Assert.That(Probe(node).Cycles, Has.Count.EqualTo(10), "the running boot is not affected");
            Assert.That(node.Hardware.Resets, Is.Empty);
        }
    }

    [Test]
    public void FiCrashAtBootCommand_TwoBoots_CrashesTheNextTwoBootsThenBootsNormally()
    {
        using var node = Node();
        node.App.Commands.Execute(CommandRequest.Of("PRM_SET", "BOOT_LOOP_RESETS", "10")); // keep boot-loop protection out of the way
        node.App.Commands.Execute(CommandRequest.Of("FI_CRASH_AT_BOOT", "probe", "2"));

        node.App.Commands.Execute(CommandRequest.Of("NODE_RESET", "load the armed crash"));
        node.RunUntilBoot(4);
        node.RunFor(TimeSpan.FromSeconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Hardware.Crashes, Is.EqualTo(2));
            Assert.That(node.Hardware.Resets.Select(r => (r.Cause, r.Reason)), Is.EqualTo(new[]
            {
                (ResetCause.CommandedWarmReset, "load the armed crash"),
                (ResetCause.Crash, "InjectedCrashException: Component 'probe' crashed at start (injected fault)."),
                (ResetCause.Crash, "InjectedCrashException: Component 'probe' crashed at start (injected fault)."),
            }));
            Assert.That(node.Boots.Select(app => app.IsRunning), Is.EqualTo(new[] { true, false, false, true }));
            Assert.That(node.Boots[1].Events.Snapshot().Where(e => e.Name == "FI_INJECTED").Select(e => e.Message), Is.EqualTo(new[] { "Injected crash at start (1 more boots armed) into probe" }));
            Assert.That(node.Boots[2].Events.Snapshot().Where(e => e.Name == "FI_INJECTED").Select(e => e.Message), Is.EqualTo(new[] { "Injected crash at start (0 more boots armed) into probe" }));
            Assert.That(node.EventsNamed("FI_INJECTED"), Is.Empty, "disarmed");
            Assert.That(node.App.Boot.ResetCause, Is.EqualTo(ResetCause.Crash));
            Assert.That(node.Telemetry("RESETS_CRASH"), Is.EqualTo(2u));
            Assert.That(node.App.Boot.IsSafeBoot, Is.False);
            Assert.That(Probe(node).State, Is.EqualTo(ComponentState.Running));
            Assert.That(Probe(node).Cycles, Has.Count.EqualTo(10));
        }
    }

    [Test]
    public void FiCrashAtBootCommand_CrashLoop_TripsBootLoopProtectionAndTheTargetIsNotStarted()
    {
        using var node = Node();
        node.App.Commands.Execute(CommandRequest.Of("FI_CRASH_AT_BOOT", "probe", "5"));

        node.App.Commands.Execute(CommandRequest.Of("NODE_RESET", "load the armed crash"));
        node.RunUntilBoot(4);
        node.RunFor(TimeSpan.FromSeconds(60));

        using (Assert.EnterMultipleScope())
        {
            // Boot 2 (warm reset) and boot 3 (crash) crash; boot 4 counts three resets within 900 s.
            Assert.That(node.Hardware.Crashes, Is.EqualTo(2));
            Assert.That(node.App.Boot.IsSafeBoot, Is.True);
            Assert.That(node.App.Boot.SafeBootReason, Is.EqualTo("boot-loop protection: 3 resets within 900 s (CommandedWarmReset, Crash, Crash)"));
            Assert.That(node.App.IsRunning, Is.True, "the SAFE boot does not start the crashing component");
            Assert.That(Probe(node).State, Is.EqualTo(ComponentState.Skipped));
            Assert.That(Probe(node).Lifecycle, Is.Empty);
            Assert.That(node.App.FindComponent("faults")!.State, Is.EqualTo(ComponentState.Running), "fault injection is essential");
            Assert.That(node.Hardware.Resets, Has.Count.EqualTo(3), "no further crash or reset");
        }
    }

    [Test]
    public void FiCrashAtBootCommand_ZeroBoots_Disarms()
    {
        using var node = Node();
        node.App.Commands.Execute(CommandRequest.Of("FI_CRASH_AT_BOOT", "probe", "3"));

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_CRASH_AT_BOOT", "probe", "0"));
        node.App.Commands.Execute(CommandRequest.Of("NODE_RESET", "check"));
        node.RunUntilBoot(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("FI_CRASH_AT_BOOT", CommandStatus.Completed, "crash at boot disarmed")));
            Assert.That(node.Hardware.Crashes, Is.Zero);
            Assert.That(node.App.IsRunning, Is.True);
            Assert.That(Probe(node).State, Is.EqualTo(ComponentState.Running));
        }
    }

    [Test]
    public void FiCrashAtBootCommand_UnknownComponent_RejectedAndNothingArmed()
    {
        using var node = Node();

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_CRASH_AT_BOOT", "radio", "1"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Rejected));
            Assert.That(response.Message, Does.StartWith("no component named 'radio'; known: "));
            Assert.That(new DurableRecordStore(node.Hardware.Store).TryRead(FaultInjector.BootCrashRecord, out _), Is.False);
        }
    }

    [Test]
    public void FiCrashAtBootCommand_MoreThanAThousandBoots_InvalidArguments()
    {
        using var node = Node();

        var response = node.App.Commands.Execute(CommandRequest.Of("FI_CRASH_AT_BOOT", "probe", "1001"));

        Assert.That(response.Status, Is.EqualTo(CommandStatus.InvalidArguments));
    }

    private static TestMemory Register(TestNode node, TestMemory memory)
    {
        node.Board.Memory.Register(memory);
        return memory;
    }

    /// <summary>
    /// A memory of <c>words</c> codewords of <c>bitsPerWord</c> bits laid out bit-major (bit b of
    /// word w is physical bit b * words + w), so that a physical bit differs from w * 72 + b.
    /// </summary>
    private sealed class TestMemory(string name, int words, int bitsPerWord = 72) : IUpsetTarget
    {
        private readonly List<long> _flipped = [];

        public string Name { get; } = name;

        public long BitCount => (long)words * bitsPerWord;

        public IReadOnlyList<long> Flipped => _flipped;

        public void FlipBit(long physicalBit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(physicalBit);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(physicalBit, BitCount);
            _flipped.Add(physicalBit);
        }

        public CodewordBit Locate(long physicalBit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(physicalBit);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(physicalBit, BitCount);
            return new CodewordBit(physicalBit % words, (int)(physicalBit / words));
        }

        public long PhysicalBitOf(CodewordBit location)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(location.Codeword);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(location.Codeword, words);
            ArgumentOutOfRangeException.ThrowIfNegative(location.Bit);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(location.Bit, bitsPerWord);
            return (long)location.Bit * words + location.Codeword;
        }
    }
}
