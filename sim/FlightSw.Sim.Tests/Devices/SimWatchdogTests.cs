using FlightSw.Sim.Devices;
using FlightSw.Sim.Time;

namespace FlightSw.Sim.Tests.Devices;

public class SimWatchdogTests
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);

    [Test]
    public void Constructor_NullClockOrBite_ThrowsArgumentNullException()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new SimWatchdog(null!, FiveSeconds, () => { }), Throws.ArgumentNullException);
            Assert.That(() => new SimWatchdog(new VirtualClock(), FiveSeconds, null!), Throws.ArgumentNullException);
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Constructor_TimeoutNotPositive_ThrowsArgumentOutOfRangeException(int seconds)
    {
        Assert.That(
            () => new SimWatchdog(new VirtualClock(), TimeSpan.FromSeconds(seconds), () => { }),
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_Timeout_IsReportedAndTheWatchdogIsStopped()
    {
        var watchdog = new SimWatchdog(new VirtualClock(), FiveSeconds, () => { });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(watchdog.Timeout, Is.EqualTo(FiveSeconds));
            Assert.That(watchdog.IsRunning, Is.False);
            Assert.That(watchdog.Expirations, Is.Zero);
            Assert.That(watchdog.Pets, Is.Zero);
        }
    }

    [Test]
    public void Start_NoPets_BitesOnceExactlyAtTheTimeout()
    {
        var clock = new VirtualClock();
        var bites = new List<TimeSpan>();
        var watchdog = new SimWatchdog(clock, FiveSeconds, () => bites.Add(clock.Elapsed));
        clock.RunFor(TimeSpan.FromSeconds(2));

        watchdog.Start();
        clock.RunUntil(TimeSpan.FromSeconds(7) - TimeSpan.FromTicks(1));
        int bitesBeforeTimeout = bites.Count;
        clock.RunUntil(TimeSpan.FromMinutes(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bitesBeforeTimeout, Is.Zero);
            Assert.That(bites, Is.EqualTo(new[] { TimeSpan.FromSeconds(7) }));
            Assert.That(watchdog.Expirations, Is.EqualTo(1));
            Assert.That(watchdog.IsRunning, Is.False, "the bite disarms it");
            Assert.That(watchdog.LastPet, Is.EqualTo(TimeSpan.FromSeconds(2)), "Start counts as the last pet");
        }
    }

    [Test]
    public void Pet_BeforeTheTimeout_PostponesTheBiteByAFullTimeout()
    {
        var clock = new VirtualClock();
        var bites = new List<TimeSpan>();
        var watchdog = new SimWatchdog(clock, FiveSeconds, () => bites.Add(clock.Elapsed));
        watchdog.Start();
        clock.RunUntil(TimeSpan.FromSeconds(4));

        watchdog.Pet();
        clock.RunUntil(TimeSpan.FromSeconds(9) - TimeSpan.FromTicks(1));
        int bitesBeforeTimeout = bites.Count;
        clock.RunUntil(TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bitesBeforeTimeout, Is.Zero);
            Assert.That(bites, Is.EqualTo(new[] { TimeSpan.FromSeconds(9) }));
            Assert.That(watchdog.Pets, Is.EqualTo(1));
            Assert.That(watchdog.LastPet, Is.EqualTo(TimeSpan.FromSeconds(4)));
        }
    }

    [Test]
    public void Pet_EveryFourSecondsForAnHour_NeverBites()
    {
        var clock = new VirtualClock();
        int bites = 0;
        var watchdog = new SimWatchdog(clock, FiveSeconds, () => bites++);
        watchdog.Start();
        using var petter = clock.CreateTimer(_ => watchdog.Pet(), null, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4));

        clock.RunUntil(TimeSpan.FromHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bites, Is.Zero);
            Assert.That(watchdog.Pets, Is.EqualTo(900));
            Assert.That(watchdog.IsRunning, Is.True);
        }
    }

    [Test]
    public void Pet_BeforeStart_ThrowsInvalidOperationException()
    {
        var watchdog = new SimWatchdog(new VirtualClock(), FiveSeconds, () => { });

        Assert.That(() => watchdog.Pet(), Throws.InvalidOperationException.With.Message.Contains("not started"));
    }

    [Test]
    public void Pet_AfterTheBite_ThrowsInvalidOperationException()
    {
        var clock = new VirtualClock();
        var watchdog = new SimWatchdog(clock, FiveSeconds, () => { });
        watchdog.Start();
        clock.RunFor(TimeSpan.FromSeconds(6));

        Assert.That(() => watchdog.Pet(), Throws.InvalidOperationException);
    }

    [Test]
    public void Stop_WhileRunning_DisarmsIt()
    {
        var clock = new VirtualClock();
        int bites = 0;
        var watchdog = new SimWatchdog(clock, FiveSeconds, () => bites++);
        watchdog.Start();
        clock.RunFor(TimeSpan.FromSeconds(3));

        watchdog.Stop();
        clock.RunFor(TimeSpan.FromMinutes(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bites, Is.Zero);
            Assert.That(watchdog.IsRunning, Is.False);
            Assert.That(clock.ArmedTimers, Is.Zero);
            Assert.That(() => watchdog.Pet(), Throws.InvalidOperationException);
        }
    }

    [Test]
    public void Start_AfterStop_CountsTheTimeoutFromTheNewStart()
    {
        var clock = new VirtualClock();
        var bites = new List<TimeSpan>();
        var watchdog = new SimWatchdog(clock, FiveSeconds, () => bites.Add(clock.Elapsed));
        watchdog.Start();
        clock.RunFor(TimeSpan.FromSeconds(2));
        watchdog.Stop();
        clock.RunFor(TimeSpan.FromSeconds(8));

        watchdog.Start();
        clock.RunUntil(TimeSpan.FromMinutes(1));

        Assert.That(bites, Is.EqualTo(new[] { TimeSpan.FromSeconds(15) }));
    }

    [Test]
    public void Start_WhileRunning_RestartsTheCountdown()
    {
        var clock = new VirtualClock();
        var bites = new List<TimeSpan>();
        var watchdog = new SimWatchdog(clock, FiveSeconds, () => bites.Add(clock.Elapsed));
        watchdog.Start();
        clock.RunFor(TimeSpan.FromSeconds(3));

        watchdog.Start();
        clock.RunUntil(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bites, Is.EqualTo(new[] { TimeSpan.FromSeconds(8) }));
            Assert.That(clock.ArmedTimers, Is.Zero, "a second Start does not leave a second timer behind");
        }
    }

    [Test]
    public void Start_AfterABite_ArmsAgainAndCountsEveryExpiration()
    {
        var clock = new VirtualClock();
        var bites = new List<TimeSpan>();
        var watchdog = new SimWatchdog(clock, FiveSeconds, () => bites.Add(clock.Elapsed));
        watchdog.Start();
        clock.RunFor(TimeSpan.FromSeconds(6));

        watchdog.Start();
        clock.RunUntil(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bites, Is.EqualTo(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(11) }));
            Assert.That(watchdog.Expirations, Is.EqualTo(2));
        }
    }
}
