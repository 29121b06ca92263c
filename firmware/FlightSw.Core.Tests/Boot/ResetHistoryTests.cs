using FlightSw.Core.Boot;
using FlightSw.Hal;

namespace FlightSw.Core.Tests.Boot;

public class ResetHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(900);

    private static ResetHistory Parse(byte[] bytes)
    {
        Assert.That(ResetHistory.TryParse(bytes, out var history, out string error), Is.True, error);
        Assert.That(error, Is.Empty);
        return history;
    }

    [Test]
    public void Append_FirstBoots_NumbersThemFromOneAndTotalsTheirCauses()
    {
        var history = new ResetHistory();

        var first = history.Append(ResetCause.PowerOn, "power applied", T0);
        var second = history.Append(ResetCause.Watchdog, "hardware watchdog expired", T0.AddMinutes(1));
        history.Append(ResetCause.Watchdog, "hardware watchdog expired", T0.AddMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new ResetHistoryEntry(1, ResetCause.PowerOn, "power applied", T0)));
            Assert.That(second.Boot, Is.EqualTo(2u));
            Assert.That(history.BootCount, Is.EqualTo(3u));
            Assert.That(history.Entries.Select(e => e.Boot), Is.EqualTo(new uint[] { 1, 2, 3 }));
            Assert.That(history.TotalOf(ResetCause.Watchdog), Is.EqualTo(2u));
            Assert.That(history.TotalOf(ResetCause.PowerOn), Is.EqualTo(1u));
            Assert.That(history.TotalOf(ResetCause.Crash), Is.Zero);
        }
    }

    [Test]
    public void Append_MoreThanCapacity_KeepsTheLatestSixteenAndTotalsAll()
    {
        var history = new ResetHistory();

        for (int i = 0; i < 20; i++)
        {
            history.Append(ResetCause.Brownout, $"boot {i + 1}", T0.AddMinutes(i));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ResetHistory.Capacity, Is.EqualTo(16));
            Assert.That(history.Entries, Has.Count.EqualTo(16));
            Assert.That(history.Entries.Select(e => e.Boot), Is.EqualTo(Enumerable.Range(5, 16).Select(b => (uint)b)), "oldest first");
            Assert.That(history.BootCount, Is.EqualTo(20u));
            Assert.That(history.TotalOf(ResetCause.Brownout), Is.EqualTo(20u));
        }
    }

    [Test]
    public void Append_LongReason_IsClippedWithAnEllipsis()
    {
        var history = new ResetHistory();

        var entry = history.Append(ResetCause.Crash, new string('x', 500), T0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Reason, Has.Length.EqualTo(ResetHistory.MaxReasonLength));
            Assert.That(entry.Reason, Is.EqualTo(new string('x', ResetHistory.MaxReasonLength - 3) + "..."));
        }
    }

    [Test]
    public void Append_ReasonOfExactlyTheMaximumLength_IsKeptWhole()
    {
        var history = new ResetHistory();
        string reason = new('y', ResetHistory.MaxReasonLength);

        Assert.That(history.Append(ResetCause.Crash, reason, T0).Reason, Is.EqualTo(reason));
    }

    [Test]
    public void SerializeTryParse_FullHistory_RoundTrips()
    {
        var history = new ResetHistory();
        for (int i = 0; i < 18; i++)
        {
            history.Append((ResetCause)(i % 8), $"reason {i} é", T0.AddSeconds(i * 61.5));
        }

        history.ClearedThroughBoot = 12;
        history.Pending = new ResetRequest(ResetCause.LatchUpPowerCycle, "latch-up: 0.6 A");

        var parsed = Parse(history.Serialize());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed.BootCount, Is.EqualTo(18u));
            Assert.That(parsed.ClearedThroughBoot, Is.EqualTo(12u));
            Assert.That(parsed.Pending, Is.EqualTo(history.Pending));
            Assert.That(parsed.Entries, Is.EqualTo(history.Entries));
            Assert.That(Enum.GetValues<ResetCause>().Select(parsed.TotalOf), Is.EqualTo(Enum.GetValues<ResetCause>().Select(history.TotalOf)));
            Assert.That(parsed.Serialize(), Is.EqualTo(history.Serialize()), "the same bytes again");
        }
    }

    [Test]
    public void SerializeTryParse_EmptyHistory_RoundTrips()
    {
        var parsed = Parse(new ResetHistory().Serialize());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed.BootCount, Is.Zero);
            Assert.That(parsed.Entries, Is.Empty);
            Assert.That(parsed.Pending, Is.Null);
            Assert.That(parsed.ClearedThroughBoot, Is.Zero);
        }
    }

    [Test]
    public void Serialize_TimeStamps_KeepMillisecondsOnly()
    {
        var history = new ResetHistory();
        history.Append(ResetCause.PowerOn, "", T0.AddTicks(12_345_678));

        Assert.That(Parse(history.Serialize()).Entries[0].StartedAt, Is.EqualTo(T0.AddMilliseconds(1234)));
    }

    [Test]
    public void Serialize_LongPendingReason_IsClipped()
    {
        var history = new ResetHistory { Pending = new ResetRequest(ResetCause.CommandedWarmReset, new string('z', 400)) };

        var parsed = Parse(history.Serialize());

        Assert.That(parsed.Pending!.Reason, Is.EqualTo(new string('z', ResetHistory.MaxReasonLength - 3) + "..."));
    }

    [Test]
    public void TryParse_TruncatedBytes_IsRefusedAsUnreadable()
    {
        var history = new ResetHistory();
        history.Append(ResetCause.PowerOn, "power applied", T0);
        var bytes = history.Serialize();

        for (int length = 0; length < bytes.Length; length++)
        {
            bool parsed = ResetHistory.TryParse(bytes[..length], out var refused, out string error);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(parsed, Is.False, $"{length} of {bytes.Length} bytes");
                Assert.That(error, Does.StartWith("unreadable ("), $"{length} of {bytes.Length} bytes");
                Assert.That(refused.BootCount, Is.Zero, "an empty history, never a half-read one");
                Assert.That(refused.Entries, Is.Empty);
            }
        }
    }

    [Test]
    public void TryParse_ExtraBytesAfterTheLastEntry_IsRefused()
    {
        var history = new ResetHistory();
        history.Append(ResetCause.PowerOn, "power applied", T0);

        bool parsed = ResetHistory.TryParse([.. history.Serialize(), 0, 0, 0], out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.False);
            Assert.That(error, Is.EqualTo("3 bytes left over after the last entry"));
        }
    }

    [TestCase((byte)0)]
    [TestCase((byte)2)]
    [TestCase((byte)255)]
    public void TryParse_AnotherFormatVersion_IsRefusedNamingIt(byte version)
    {
        var bytes = new ResetHistory().Serialize();
        bytes[0] = version;

        bool parsed = ResetHistory.TryParse(bytes, out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.False);
            Assert.That(error, Is.EqualTo($"format version {version}, expected 1"));
        }
    }

    [Test]
    public void TryParse_MoreEntriesThanCapacity_IsRefused()
    {
        var bytes = new ResetHistory().Serialize();
        bytes[^1] = 17; // the entry count is the last byte of an empty history

        bool parsed = ResetHistory.TryParse(bytes, out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.False);
            Assert.That(error, Is.EqualTo("17 entries, more than the 16 kept"));
        }
    }

    [Test]
    public void TryParse_Null_ThrowsArgumentNull()
    {
        Assert.That(() => ResetHistory.TryParse(null!, out _, out _), Throws.ArgumentNullException);
    }

    [Test]
    public void CountedResets_WithinTheWindow_CountsEveryResetButThoseTheEnvironmentCaused()
    {
        var history = new ResetHistory();
        var causes = new[]
        {
            ResetCause.PowerOn, ResetCause.Watchdog, ResetCause.Brownout, ResetCause.CommandedWarmReset,
            ResetCause.CommandedPowerCycle, ResetCause.Crash, ResetCause.LatchUpPowerCycle, ResetCause.Unknown,
        };
        foreach (var cause in causes)
        {
            history.Append(cause, "", T0);
        }

        var counted = history.CountedResets(T0.AddMinutes(1), Window);

        // Power-on, brownout recovery and latch-up power cycles are not failures of the software.
        Assert.That(counted.Select(e => e.Cause), Is.EqualTo(new[]
        {
            ResetCause.Watchdog, ResetCause.CommandedWarmReset, ResetCause.CommandedPowerCycle,
            ResetCause.Crash, ResetCause.Unknown,
        }));
    }

    [Test]
    public void CountedResets_OlderThanTheWindow_AreNotCounted()
    {
        var history = new ResetHistory();
        history.Append(ResetCause.Watchdog, "", T0);
        history.Append(ResetCause.Watchdog, "", T0.AddSeconds(100));
        history.Append(ResetCause.Watchdog, "", T0.AddSeconds(1000));

        var counted = history.CountedResets(T0.AddSeconds(1000), Window);

        Assert.That(counted.Select(e => e.Boot), Is.EqualTo(new uint[] { 2, 3 }), "boot 2 started exactly 900 s before: still in the window");
    }

    [Test]
    public void CountedResets_StartedLaterThanNow_AreCounted()
    {
        var history = new ResetHistory();
        history.Append(ResetCause.Watchdog, "", T0.AddDays(3));
        history.Append(ResetCause.Watchdog, "", T0.AddSeconds(-1000));

        var counted = history.CountedResets(T0, Window);

        Assert.That(counted.Select(e => e.Boot), Is.EqualTo(new uint[] { 1 }), "a clock that went back in time does not hide a loop");
    }

    [Test]
    public void CountedResets_ClearedThroughABoot_CountsOnlyLaterBoots()
    {
        var history = new ResetHistory();
        for (int i = 0; i < 5; i++)
        {
            history.Append(ResetCause.Crash, "", T0.AddSeconds(i));
        }

        history.ClearedThroughBoot = 3;

        Assert.That(history.CountedResets(T0.AddSeconds(5), Window).Select(e => e.Boot), Is.EqualTo(new uint[] { 4, 5 }));
    }

    [Test]
    public void TotalOf_AfterARoundTrip_SurvivesEntriesDroppedFromTheHistory()
    {
        var history = new ResetHistory();
        for (int i = 0; i < 40; i++)
        {
            history.Append(i % 2 == 0 ? ResetCause.Watchdog : ResetCause.Crash, "", T0.AddMinutes(i));
        }

        var parsed = Parse(history.Serialize());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed.TotalOf(ResetCause.Watchdog), Is.EqualTo(20u));
            Assert.That(parsed.TotalOf(ResetCause.Crash), Is.EqualTo(20u));
            Assert.That(parsed.Entries, Has.Count.EqualTo(16));
        }
    }
}
