using FlightSw.Sim.Time;

namespace FlightSw.Sim.Tests.Time;

/// <summary>
/// The pacer against a hand-driven wall clock. Every scenario keeps the wall clock at or past the
/// target, so the pacer has no reason to wait; no test measures how long anything took.
/// </summary>
public class WallClockPacerTests
{
    [Test]
    public void Constructor_NullWallClock_ThrowsArgumentNullException()
    {
        Assert.That(() => new WallClockPacer(null!), Throws.ArgumentNullException);
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NegativeInfinity)]
    [TestCase(double.NaN)]
    public void Constructor_SpeedFactorNotPositive_ThrowsArgumentOutOfRangeException(double speedFactor)
    {
        Assert.That(
            () => new WallClockPacer(new ManualWallClock(), speedFactor),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("speedFactor"));
    }

    [Test]
    public void WaitUntil_FirstCall_ReadsTheWallClockOnceAndReturns()
    {
        var wall = new ManualWallClock();
        var pacer = new WallClockPacer(wall);

        pacer.WaitUntil(TimeSpan.FromHours(3));

        Assert.That(wall.TimestampReads, Is.EqualTo(1));
    }

    [Test]
    public void WaitUntil_WallClockAlreadyPastTheTarget_ReturnsAfterReadingTheWallClock()
    {
        var wall = new ManualWallClock();
        var pacer = new WallClockPacer(wall);
        pacer.WaitUntil(TimeSpan.FromSeconds(100)); // pacing starts at simulated 100 s

        wall.Advance(TimeSpan.FromSeconds(10));
        pacer.WaitUntil(TimeSpan.FromSeconds(110));
        wall.Advance(TimeSpan.FromSeconds(5));
        pacer.WaitUntil(TimeSpan.FromSeconds(112));

        Assert.That(wall.TimestampReads, Is.EqualTo(3), "one read to start, one per later call");
    }

    [Test]
    public void WaitUntil_SpeedFactorSixty_OneWallSecondCoversOneSimulatedMinute()
    {
        var wall = new ManualWallClock();
        var pacer = new WallClockPacer(wall, speedFactor: 60);
        pacer.WaitUntil(TimeSpan.FromMinutes(10));

        wall.Advance(TimeSpan.FromSeconds(1));
        pacer.WaitUntil(TimeSpan.FromMinutes(11)); // due exactly now in wall time: no wait

        Assert.That(wall.TimestampReads, Is.EqualTo(2));
    }

    [Test]
    public void RunUntil_PacedByAWallClockThatIsAhead_RunsEveryTimerToTheTarget()
    {
        var clock = new VirtualClock();
        var wall = new ManualWallClock { AdvancePerRead = TimeSpan.FromHours(1) };
        var pacer = new WallClockPacer(wall);
        var firedAt = new List<TimeSpan>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.Elapsed), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.RunUntil(TimeSpan.FromSeconds(3), pacer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firedAt, Is.EqualTo(new[] { 1, 2, 3 }.Select(s => TimeSpan.FromSeconds(s))));
            Assert.That(wall.TimestampReads, Is.EqualTo(4), "start at the first callback, then each later callback and the end");
        }
    }

    /// <summary>A wall clock that moves only when told to (or by a fixed step at every read).</summary>
    private sealed class ManualWallClock : TimeProvider
    {
        private long _ticks;

        public int TimestampReads { get; private set; }

        public TimeSpan AdvancePerRead { get; init; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;

        public override long GetTimestamp()
        {
            TimestampReads++;
            long now = _ticks;
            _ticks += AdvancePerRead.Ticks;
            return now;
        }
    }
}
