using FlightSw.Hal;
using FlightSw.Sim.Chips;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Tests.Faults;
using FlightSw.Sim.Time;
using static FlightSw.Sim.Tests.SimBoardFile;

namespace FlightSw.Sim.Tests;

public class SimHardwareTests
{
    private const byte Ina219Calibration = 0x05;
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    [Test]
    public void Constructor_NullDefinition_ThrowsArgumentNullException()
    {
        Assert.That(() => new SimHardware(null!, seed: 1), Throws.ArgumentNullException);
    }

    [Test]
    public void Constructor_SimBoardFile_BuildsTheHardwareWithoutRunningAnything()
    {
        using var hardware = new SimHardware(Definition, seed: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Definition.Name, Is.EqualTo("sim"));
            Assert.That(hardware.Seed, Is.EqualTo(1));
            Assert.That(hardware.IsPoweredOn, Is.False);
            Assert.That(hardware.Board, Is.Null);
            Assert.That(hardware.Gpio, Is.Null);
            Assert.That(hardware.Boots, Is.Zero);
            Assert.That(hardware.Resets, Is.Empty);
            Assert.That(hardware.Clock.ArmedTimers, Is.Zero);
            Assert.That(hardware.Watchdog.Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(hardware.Watchdog.IsRunning, Is.False);
            Assert.That(hardware.I2cBuses.Keys, Is.EqualTo(new[] { 1 }));
            Assert.That(hardware.I2cBuses[1].Chips.Select(chip => (chip.GetType(), chip.Address)), Is.EqualTo(new[] { (typeof(Ina219Model), 0x40), (typeof(Tmp102Model), 0x48) }));
        }
    }

    [Test]
    public void Constructor_GivenClock_RunsOnIt()
    {
        var clock = new VirtualClock();

        using var hardware = new SimHardware(Definition, seed: 1, clock: clock);

        Assert.That(hardware.Clock, Is.SameAs(clock));
    }

    [Test]
    public void PowerOn_DefaultOptions_BootsWithinTheJitterAroundTheBootDelay()
    {
        using var hardware = new SimHardware(Definition, seed: 1);
        var booted = new List<(SimBoard Board, TimeSpan At)>();
        hardware.Booted += board => booted.Add((board, hardware.Clock.Elapsed));

        var board = PowerOnAndBoot(hardware);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.IsPoweredOn, Is.True);
            Assert.That(booted, Has.Count.EqualTo(1));
            Assert.That(booted[0].Board, Is.SameAs(board));
            Assert.That(booted[0].At, Is.InRange(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5)));
            Assert.That(hardware.Boots, Is.EqualTo(1));
            Assert.That(board.BootNumber, Is.EqualTo(1));
            Assert.That(board.ResetController.LastResetCause, Is.EqualTo(ResetCause.PowerOn));
            Assert.That(hardware.Gpio, Is.SameAs(board.GpioDriver));
            Assert.That(hardware.Resets, Is.Empty, "power-on is not a reset");
        }
    }

    [Test]
    public void PowerOn_NoJitter_BootsExactlyAfterTheBootDelay()
    {
        var options = new SimHardwareOptions { BootDelay = TimeSpan.FromSeconds(3), BootJitter = TimeSpan.Zero };
        using var hardware = new SimHardware(Definition, seed: 1, options);

        hardware.PowerOn();
        hardware.Clock.RunUntil(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1));
        var beforeDelay = hardware.Board;
        hardware.Clock.RunUntil(TimeSpan.FromSeconds(3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeDelay, Is.Null);
            Assert.That(hardware.Board, Is.Not.Null);
        }
    }

    [Test]
    public void PowerOn_JitterLargerThanTheDelay_NeverBootsBeforePowerOn()
    {
        var options = new SimHardwareOptions { BootDelay = TimeSpan.FromMilliseconds(100), BootJitter = TimeSpan.FromSeconds(1) };
        var bootTimes = new List<TimeSpan>();
        for (int seed = 0; seed < 20; seed++)
        {
            using var hardware = new SimHardware(Definition, seed, options);
            hardware.Clock.RunFor(TimeSpan.FromSeconds(10));
            PowerOnAndBoot(hardware);
            bootTimes.Add(hardware.Clock.Elapsed - TimeSpan.FromSeconds(10));
        }

        Assert.That(bootTimes, Has.All.InRange(TimeSpan.Zero, TimeSpan.FromMilliseconds(1100)));
    }

    [Test]
    public void PowerOn_FiftySeeds_BootTimesSpreadOverTheJitterWindow()
    {
        var bootTimes = new List<TimeSpan>();
        for (int seed = 0; seed < 50; seed++)
        {
            using var hardware = new SimHardware(Definition, seed);
            PowerOnAndBoot(hardware);
            bootTimes.Add(hardware.Clock.Elapsed);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bootTimes, Has.All.InRange(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5)));
            Assert.That(bootTimes.Distinct().Count(), Is.GreaterThan(45));
            Assert.That(bootTimes.Min(), Is.LessThan(TimeSpan.FromSeconds(1.75)));
            Assert.That(bootTimes.Max(), Is.GreaterThan(TimeSpan.FromSeconds(2.25)));
        }
    }

    [Test]
    public void PowerOn_Twice_BootsOnce()
    {
        using var hardware = new SimHardware(Definition, seed: 1);
        int boots = 0;
        hardware.Booted += _ => boots++;

        hardware.PowerOn();
        hardware.PowerOn();
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(boots, Is.EqualTo(1));
            Assert.That(hardware.Boots, Is.EqualTo(1));
        }
    }

    [Test]
    public void PowerOn_AfterDispose_ThrowsObjectDisposedException()
    {
        var hardware = new SimHardware(Definition, seed: 1);
        hardware.Dispose();

        Assert.That(() => hardware.PowerOn(), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void RequestReset_WhilePoweredOff_IsIgnored()
    {
        using var hardware = new SimHardware(Definition, seed: 1);

        hardware.RequestReset(ResetCause.CommandedWarmReset, "nobody home");
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets, Is.Empty);
            Assert.That(hardware.Board, Is.Null);
        }
    }

    [TestCase(ResetCause.Watchdog)]
    [TestCase(ResetCause.CommandedWarmReset)]
    [TestCase(ResetCause.CommandedPowerCycle)]
    public void RequestReset_Cause_EndsTheBootAndBootsANewBoardWithThatCause(ResetCause cause)
    {
        using var hardware = new SimHardware(Definition, seed: 3);
        var oldBoard = PowerOnAndBoot(hardware);
        int oldTicks = 0;
        using var oldTimer = oldBoard.Time.CreateTimer(_ => oldTicks++, null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        hardware.Clock.RunFor(TimeSpan.FromSeconds(1));
        var ended = new List<(SimBoard Board, ResetRecord Record, bool TimersAliveDuringEvent)>();
        hardware.BootEnded += (board, record) => ended.Add((board, record, !((BootScopedTimeProvider)board.Time).HasEnded));
        var resetAt = hardware.Clock.Elapsed;

        hardware.RequestReset(cause, "test reset");
        var boardRightAfterRequest = hardware.Board;
        var newBoard = RunUntilBooted(hardware, oldBoard);
        int ticksAtNewBoot = oldTicks;
        hardware.Clock.RunFor(TimeSpan.FromSeconds(10));

        var expectedRecord = new ResetRecord(resetAt, cause, "test reset", EndedBoot: 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(boardRightAfterRequest, Is.SameAs(oldBoard), "the reset waits for the running callback to return");
            Assert.That(ended, Has.Count.EqualTo(1));
            Assert.That(ended[0].Board, Is.SameAs(oldBoard));
            Assert.That(ended[0].Record, Is.EqualTo(expectedRecord));
            Assert.That(ended[0].TimersAliveDuringEvent, Is.True, "BootEnded comes before the timers die");
            Assert.That(hardware.Resets, Is.EqualTo(new[] { expectedRecord }));
            Assert.That(oldTicks, Is.EqualTo(10), "the old boot's timer ticked for one second, then died");
            Assert.That(ticksAtNewBoot, Is.EqualTo(10));
            Assert.That(((BootScopedTimeProvider)oldBoard.Time).HasEnded, Is.True);
            Assert.That(newBoard, Is.Not.SameAs(oldBoard));
            Assert.That(newBoard.BootNumber, Is.EqualTo(2));
            Assert.That(newBoard.ResetController.LastResetCause, Is.EqualTo(cause));
            Assert.That(hardware.Boots, Is.EqualTo(2));
            Assert.That(hardware.Clock.Elapsed - TimeSpan.FromSeconds(10) - resetAt, Is.InRange(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5)), "a boot delay after the reset");
        }
    }

    [Test]
    public void RequestReset_DuringBootDelay_BoardIsNullUntilTheNewBoot()
    {
        using var hardware = new SimHardware(Definition, seed: 3);
        var oldBoard = PowerOnAndBoot(hardware);

        hardware.RequestReset(ResetCause.CommandedWarmReset, "test");
        hardware.Clock.RunFor(TimeSpan.FromMilliseconds(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Board, Is.Null);
            Assert.That(hardware.Gpio, Is.Null);
            Assert.That(hardware.IsPoweredOn, Is.True);
        }
    }

    [Test]
    public void RequestReset_FromASoftwareTimer_TakesEffectAfterTheCallbackReturns()
    {
        using var hardware = new SimHardware(Definition, seed: 4);
        var board = PowerOnAndBoot(hardware);
        bool boardStillCurrentAfterRequest = false;
        bool timeAliveAfterRequest = false;
        using var timer = board.Time.CreateTimer(
            _ =>
            {
                board.ResetController.RequestWarmReset("commanded by ground");
                boardStillCurrentAfterRequest = hardware.Board == board;
                timeAliveAfterRequest = !((BootScopedTimeProvider)board.Time).HasEnded;
            },
            null,
            TimeSpan.FromSeconds(1),
            Infinite);

        var newBoard = RunUntilBooted(hardware, board);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(boardStillCurrentAfterRequest, Is.True);
            Assert.That(timeAliveAfterRequest, Is.True);
            Assert.That(hardware.Resets.Single().Cause, Is.EqualTo(ResetCause.CommandedWarmReset));
            Assert.That(hardware.Resets.Single().Reason, Is.EqualTo("commanded by ground"));
            Assert.That(newBoard.ResetController.LastResetCause, Is.EqualTo(ResetCause.CommandedWarmReset));
        }
    }

    [Test]
    public void RequestReset_SecondRequestBeforeTheFirstIsCarriedOut_IsIgnored()
    {
        using var hardware = new SimHardware(Definition, seed: 5);
        var oldBoard = PowerOnAndBoot(hardware);
        var busBefore = hardware.I2cBuses[1];

        // (Only a power cycle outranks a pending reset; see SimHardwareLatchUpTests.)
        hardware.RequestReset(ResetCause.Watchdog, "first");
        hardware.RequestReset(ResetCause.CommandedWarmReset, "second");
        var newBoard = RunUntilBooted(hardware, oldBoard);
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets.Select(r => (r.Cause, r.Reason)), Is.EqualTo(new[] { (ResetCause.Watchdog, "first") }));
            Assert.That(newBoard.ResetController.LastResetCause, Is.EqualTo(ResetCause.Watchdog));
            Assert.That(hardware.Boots, Is.EqualTo(2));
            Assert.That(hardware.I2cBuses[1], Is.SameAs(busBefore), "no power cycle happened");
        }
    }

    [Test]
    public void RequestReset_AgainDuringTheBootDelay_BootsOnceWithTheLaterCause()
    {
        using var hardware = new SimHardware(Definition, seed: 6);
        var oldBoard = PowerOnAndBoot(hardware);
        var booted = new List<SimBoard>();
        hardware.Booted += booted.Add;
        hardware.RequestReset(ResetCause.Watchdog, "first");
        hardware.Clock.RunFor(TimeSpan.FromMilliseconds(500));

        hardware.RequestReset(ResetCause.CommandedPowerCycle, "pressed again while booting");
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets.Select(r => (r.Cause, r.EndedBoot)), Is.EqualTo(new[] { (ResetCause.Watchdog, 1), (ResetCause.CommandedPowerCycle, 1) }));
            Assert.That(booted, Has.Count.EqualTo(1), "the interrupted boot never completes");
            Assert.That(hardware.Boots, Is.EqualTo(2));
            Assert.That(booted[0], Is.SameAs(hardware.Board));
            Assert.That(booted[0].ResetController.LastResetCause, Is.EqualTo(ResetCause.CommandedPowerCycle));
        }
    }

    [Test]
    public void RequestReset_FromTheResetControllerOfAnEndedBoot_IsIgnored()
    {
        using var hardware = new SimHardware(Definition, seed: 7);
        var oldBoard = PowerOnAndBoot(hardware);
        hardware.RequestReset(ResetCause.CommandedWarmReset, "first");
        var newBoard = RunUntilBooted(hardware, oldBoard);

        oldBoard.ResetController.RequestPowerCycle("stale software");
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets, Has.Count.EqualTo(1));
            Assert.That(hardware.Board, Is.SameAs(newBoard));
        }
    }

    [Test]
    public void RequestReset_PowerCycle_RebuildsTheChipModelsSoTheCalibrationIsLost()
    {
        using var hardware = new SimHardware(Definition, seed: 8);
        var oldBoard = PowerOnAndBoot(hardware);
        Assert.That(oldBoard.PowerMonitor.TryRead(out _), Is.True, "the first read calibrates the INA219");
        ushort calibrationBefore = ReadIna219Calibration(hardware);
        var busBefore = hardware.I2cBuses[1];

        hardware.RequestReset(ResetCause.CommandedPowerCycle, "latch-up");
        var newBoard = RunUntilBooted(hardware, oldBoard);
        ushort calibrationAfter = ReadIna219Calibration(hardware);
        bool newBoardReads = newBoard.PowerMonitor.TryRead(out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calibrationBefore, Is.EqualTo(4096), "0.1 ohm shunt, 3 A: current LSB 100 uA, Cal 4096");
            Assert.That(calibrationAfter, Is.Zero, "the INA219 is back at its power-on state");
            Assert.That(hardware.I2cBuses[1], Is.Not.SameAs(busBefore));
            Assert.That(newBoardReads, Is.True, "the new boot calibrates the new chip");
            Assert.That(ReadIna219Calibration(hardware), Is.EqualTo(4096));
        }
    }

    [TestCase(ResetCause.CommandedWarmReset)]
    [TestCase(ResetCause.Watchdog)]
    public void RequestReset_WithoutPowerLoss_KeepsTheChipModelsAndTheirCalibration(ResetCause cause)
    {
        using var hardware = new SimHardware(Definition, seed: 9);
        var oldBoard = PowerOnAndBoot(hardware);
        oldBoard.PowerMonitor.TryRead(out _);
        var busBefore = hardware.I2cBuses[1];

        hardware.RequestReset(cause, "test");
        RunUntilBooted(hardware, oldBoard);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadIna219Calibration(hardware), Is.EqualTo(4096));
            Assert.That(hardware.I2cBuses[1], Is.SameAs(busBefore));
        }
    }

    [Test]
    public void Watchdog_StartedAndNeverPetted_ResetsTheBoardWithCauseWatchdog()
    {
        using var hardware = new SimHardware(Definition, seed: 10);
        var oldBoard = PowerOnAndBoot(hardware);
        var startedAt = hardware.Clock.Elapsed;

        oldBoard.Watchdog.Start();
        var newBoard = RunUntilBooted(hardware, oldBoard);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets, Is.EqualTo(new[] { new ResetRecord(startedAt + TimeSpan.FromSeconds(5), ResetCause.Watchdog, "watchdog expired", 1) }));
            Assert.That(newBoard.ResetController.LastResetCause, Is.EqualTo(ResetCause.Watchdog));
            Assert.That(hardware.Watchdog.Expirations, Is.EqualTo(1));
            Assert.That(hardware.Watchdog.IsRunning, Is.False, "a reset leaves the watchdog off");
        }
    }

    [Test]
    public void Watchdog_PettedByASoftwareTimer_NeverResets()
    {
        using var hardware = new SimHardware(Definition, seed: 11);
        var board = PowerOnAndBoot(hardware);
        board.Watchdog.Start();
        using var petter = board.Time.CreateTimer(_ => board.Watchdog.Pet(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        hardware.Clock.RunFor(TimeSpan.FromHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets, Is.Empty);
            Assert.That(hardware.Board, Is.SameAs(board));
            Assert.That(hardware.Watchdog.Pets, Is.EqualTo(3600));
        }
    }

    [Test]
    public void Watchdog_CommandedResetWhilePetted_IsDisarmedAndTheNewBootIsNotBitten()
    {
        using var hardware = new SimHardware(Definition, seed: 12);
        var oldBoard = PowerOnAndBoot(hardware);
        oldBoard.Watchdog.Start();
        using var petter = oldBoard.Time.CreateTimer(_ => oldBoard.Watchdog.Pet(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        hardware.Clock.RunFor(TimeSpan.FromSeconds(30));

        hardware.RequestReset(ResetCause.CommandedWarmReset, "update");
        RunUntilBooted(hardware, oldBoard);
        hardware.Clock.RunFor(TimeSpan.FromMinutes(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets.Select(r => r.Cause), Is.EqualTo(new[] { ResetCause.CommandedWarmReset }));
            Assert.That(hardware.Watchdog.IsRunning, Is.False);
            Assert.That(hardware.Watchdog.Expirations, Is.Zero);
        }
    }

    [Test]
    public void Resets_SeveralInARow_AreRecordedInOrderWithTheBootEachEnded()
    {
        using var hardware = new SimHardware(Definition, seed: 13);
        var board = PowerOnAndBoot(hardware);
        var causes = new[] { ResetCause.CommandedWarmReset, ResetCause.Watchdog, ResetCause.CommandedPowerCycle, ResetCause.Brownout };

        foreach (var cause in causes)
        {
            hardware.RequestReset(cause, cause.ToString());
            board = RunUntilBooted(hardware, board);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Resets.Select(r => (r.Cause, r.Reason, r.EndedBoot)), Is.EqualTo(causes.Select((c, i) => (c, c.ToString(), i + 1))));
            Assert.That(hardware.Resets.Select(r => r.At), Is.Ordered.Ascending);
            Assert.That(board.BootNumber, Is.EqualTo(5));
            Assert.That(board.ResetController.LastResetCause, Is.EqualTo(ResetCause.Brownout));
        }
    }

    [Test]
    public void Run_SameSeed_IdenticalBootTimesAndNoisyReadings()
    {
        var first = RecordRun(seed: 2024);
        var second = RecordRun(seed: 2024);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.BootTimes, Is.EqualTo(first.BootTimes));
            Assert.That(second.Readings, Is.EqualTo(first.Readings));
            Assert.That(first.Readings.Select(r => r.Power.BusVolts).Distinct().Count(), Is.GreaterThan(1), "the readings are noisy");
            Assert.That(first.Readings.Select(r => r.Power.CurrentAmps).Distinct().Count(), Is.GreaterThan(1));
        }
    }

    [Test]
    public void Run_DifferentSeeds_DifferentBootTimesAndReadings()
    {
        var first = RecordRun(seed: 1);
        var second = RecordRun(seed: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.BootTimes, Is.Not.EqualTo(first.BootTimes));
            Assert.That(second.Readings, Is.Not.EqualTo(first.Readings));
        }
    }

    [Test]
    public void Readings_NoiseOn_StayWithinAFewLsbsOfTheEnvironment()
    {
        using var hardware = new SimHardware(Definition, seed: 14);
        var board = PowerOnAndBoot(hardware);
        hardware.Environment.BusVolts = 12.0;
        hardware.Environment.CurrentAmps = 1.0;
        hardware.Environment.BoardCelsius = 40.0;

        var readings = Enumerable.Range(0, 200).Select(_ => (Power: board.PowerMonitor.Read(), Celsius: board.TemperatureSensor.ReadCelsius())).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(readings.Select(r => r.Power.BusVolts), Has.All.EqualTo(12.0).Within(0.02));
            Assert.That(readings.Select(r => r.Power.CurrentAmps), Has.All.EqualTo(1.0).Within(0.008));
            Assert.That(readings.Select(r => r.Celsius), Has.All.EqualTo(40.0).Within(0.25));
            Assert.That(readings.Average(r => r.Power.BusVolts), Is.EqualTo(12.0).Within(0.002));
        }
    }

    [Test]
    public void Dispose_WithABoard_EndsTheBootAndStopsBooting()
    {
        var hardware = new SimHardware(Definition, seed: 15);
        var board = PowerOnAndBoot(hardware);
        board.Watchdog.Start();
        int ticks = 0;
        using var timer = board.Time.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        hardware.Dispose();
        hardware.Dispose();
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Board, Is.Null);
            Assert.That(((BootScopedTimeProvider)board.Time).HasEnded, Is.True);
            Assert.That(ticks, Is.Zero);
            Assert.That(hardware.Watchdog.IsRunning, Is.False);
            Assert.That(hardware.Resets, Is.Empty);
            Assert.That(hardware.Boots, Is.EqualTo(1));
        }
    }

    [Test]
    public void Constructor_DefaultOptions_UpsetInjectorRunsAtRateZero()
    {
        using var hardware = new SimHardware(Definition, seed: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Upsets.IsRunning, Is.True);
            Assert.That(hardware.Upsets.Options.RatePerBitPerDay, Is.Zero);
            Assert.That(hardware.Upsets.Seed, Is.Not.EqualTo(hardware.Seed), "the radiation has a stream of its own");
        }
    }

    [Test]
    public void Constructor_InvalidUpsetOptions_ThrowsArgumentOutOfRangeException()
    {
        var options = new SimHardwareOptions { Upsets = new UpsetInjectorOptions { RatePerBitPerDay = -1 } };

        Assert.That(() => new SimHardware(Definition, seed: 1, options), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Upsets_DefaultOptions_NeverHitRegisteredMemory()
    {
        using var hardware = new SimHardware(Definition, seed: 1);
        var board = PowerOnAndBoot(hardware);
        var ram = new BitArrayTarget("ram", 100_000);
        board.Memory.Register(ram);

        hardware.Clock.RunFor(TimeSpan.FromDays(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hardware.Upsets.Records, Is.Empty);
            Assert.That(ram.Flips, Is.Zero);
        }
    }

    [Test]
    public void Upsets_AcrossResets_HitOnlyTheMemoryOfTheBootThatIsUp()
    {
        using var hardware = Irradiated(seed: 40);
        var hits = new List<(InjectedUpset Upset, int? BootUp)>();
        hardware.Upsets.Injected += upset => hits.Add((upset, hardware.Board?.BootNumber));
        var rams = new Dictionary<int, BitArrayTarget>();
        hardware.Booted += board => board.Memory.Register(rams[board.BootNumber] = new BitArrayTarget("ram", 100_000));

        hardware.Clock.RunFor(TimeSpan.FromMinutes(10)); // powered off
        var board = PowerOnAndBoot(hardware);
        var firstBootAt = hardware.Clock.Elapsed;
        for (int i = 0; i < 3; i++)
        {
            hardware.Clock.RunFor(TimeSpan.FromMinutes(1));
            hardware.RequestReset(ResetCause.CommandedWarmReset, "next boot");
            board = RunUntilBooted(hardware, board);
        }

        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hits.Select(h => h.Upset), Is.EqualTo(hardware.Upsets.Records));
            Assert.That(hits.Select(h => h.Upset.Time), Has.All.GreaterThanOrEqualTo(firstBootAt), "nothing before the first boot");
            Assert.That(hits.Select(h => (int?)h.Upset.Boot), Is.EqualTo(hits.Select(h => h.BootUp)), "each upset hit the boot that was up");
            Assert.That(hits.Select(h => h.Upset.Boot).Distinct(), Is.EqualTo(new[] { 1, 2, 3, 4 }), "the radiation goes on across resets");
            Assert.That(rams.Values.Sum(ram => ram.Flips), Is.EqualTo(hits.Sum(h => h.Upset.PhysicalBits.Count)));
            foreach (var (boot, ram) in rams)
            {
                Assert.That(ram.Flips, Is.EqualTo(hits.Where(h => h.Upset.Boot == boot).Sum(h => h.Upset.PhysicalBits.Count)), $"boot {boot}");
            }
        }
    }

    [Test]
    public void Upsets_DuringTheBootDelay_HitNothing()
    {
        using var hardware = Irradiated(seed: 41);
        hardware.Booted += board => board.Memory.Register(new BitArrayTarget("ram", 100_000));
        var board = PowerOnAndBoot(hardware);
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));
        int beforeReset = hardware.Upsets.Records.Count;

        hardware.RequestReset(ResetCause.CommandedWarmReset, "reboot");
        hardware.Clock.RunFor(TimeSpan.FromMilliseconds(1));
        hardware.Clock.RunUntil(() => hardware.Board is not null, TimeSpan.FromMinutes(1));
        int atNewBoot = hardware.Upsets.Records.Count;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeReset, Is.GreaterThan(100), "at 11.6 upsets a second, a 2 s boot would see about 23");
            Assert.That(atNewBoot, Is.EqualTo(beforeReset));
            Assert.That(hardware.Board, Is.Not.SameAs(board));
        }
    }

    [Test]
    public void Upsets_SameSeed_IdenticalRecords()
    {
        var first = RecordUpsets(seed: 42);
        var second = RecordUpsets(seed: 42);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Has.Count.GreaterThan(100));
            Assert.That(second, Is.EqualTo(first));
        }
    }

    [Test]
    public void Upsets_DifferentSeed_DifferentRecords()
    {
        Assert.That(RecordUpsets(seed: 43), Is.Not.EqualTo(RecordUpsets(seed: 42)));
    }

    [Test]
    public void Upsets_SwitchedOn_LeaveTheHardwareRandomSequenceAsItWas()
    {
        var quiet = RecordRun(seed: 2024);
        var irradiated = RecordRun(seed: 2024, new SimHardwareOptions { Upsets = new UpsetInjectorOptions { RatePerBitPerDay = 10 } });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(irradiated.BootTimes, Is.EqualTo(quiet.BootTimes));
            Assert.That(irradiated.Readings, Is.EqualTo(quiet.Readings));
        }
    }

    [Test]
    public void Dispose_Irradiated_StopsTheUpsets()
    {
        var hardware = Irradiated(seed: 44);
        hardware.Booted += board => board.Memory.Register(new BitArrayTarget("ram", 100_000));
        PowerOnAndBoot(hardware);
        hardware.Clock.RunFor(TimeSpan.FromSeconds(10));

        hardware.Dispose();
        int atDispose = hardware.Upsets.Records.Count;
        hardware.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atDispose, Is.GreaterThan(0));
            Assert.That(hardware.Upsets.IsRunning, Is.False);
            Assert.That(hardware.Upsets.Records, Has.Count.EqualTo(atDispose));
        }
    }

    /// <summary>Hardware at 10 upsets per bit per day: 11.6 a second in 100,000 bits.</summary>
    private static SimHardware Irradiated(int seed) =>
        new(Definition, seed, new SimHardwareOptions { Upsets = new UpsetInjectorOptions { RatePerBitPerDay = 10 } });

    private static List<InjectedUpset> RecordUpsets(int seed)
    {
        using var hardware = Irradiated(seed);
        hardware.Booted += board => board.Memory.Register(new BitArrayTarget("ram", 100_000));
        var board = PowerOnAndBoot(hardware);
        hardware.Clock.RunFor(TimeSpan.FromSeconds(10));
        hardware.RequestReset(ResetCause.Watchdog, "test");
        RunUntilBooted(hardware, board);
        hardware.Clock.RunFor(TimeSpan.FromSeconds(10));
        return [.. hardware.Upsets.Records];
    }

    private static ushort ReadIna219Calibration(SimHardware hardware)
    {
        using var device = hardware.I2cBuses[1].CreateDevice(0x40);
        var data = new byte[2];
        device.WriteRead(new[] { Ina219Calibration }, data);
        return (ushort)((data[0] << 8) | data[1]);
    }

    private static (List<TimeSpan> BootTimes, List<(PowerReading Power, double Celsius)> Readings) RecordRun(int seed, SimHardwareOptions? options = null)
    {
        using var hardware = new SimHardware(Definition, seed, options);
        var bootTimes = new List<TimeSpan>();
        var readings = new List<(PowerReading, double)>();
        hardware.Booted += _ => bootTimes.Add(hardware.Clock.Elapsed);
        var board = PowerOnAndBoot(hardware);
        for (int boot = 0; boot < 4; boot++)
        {
            for (int i = 0; i < 20; i++)
            {
                readings.Add((board.PowerMonitor.Read(), board.TemperatureSensor.ReadCelsius()));
            }

            hardware.RequestReset(ResetCause.CommandedWarmReset, "next boot");
            board = RunUntilBooted(hardware, board);
        }

        return (bootTimes, readings);
    }
}
