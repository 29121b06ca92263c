using FlightSw.Hal.Memory;
using FlightSw.Sim.Faults;
using FlightSw.Sim.Time;

namespace FlightSw.Sim.Tests.Faults;

public class UpsetInjectorTests
{
    private const int MegaBit = 1_000_000;
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    [Test]
    public void Constructor_NullArgument_ThrowsArgumentNullException()
    {
        var clock = new VirtualClock();
        var options = new UpsetInjectorOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new UpsetInjector(null!, options, 1, () => null), Throws.ArgumentNullException);
            Assert.That(() => new UpsetInjector(clock, null!, 1, () => null), Throws.ArgumentNullException);
            Assert.That(() => new UpsetInjector(clock, options, 1, null!), Throws.ArgumentNullException);
        }
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsArgumentOutOfRangeException()
    {
        var options = new UpsetInjectorOptions { MultiBitFraction = 2 };

        Assert.That(() => new UpsetInjector(new VirtualClock(), options, 1, () => null), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_Valid_IsStoppedWithMultiplierOneAndNoRecords()
    {
        var options = new UpsetInjectorOptions { RatePerBitPerDay = 1 };

        using var injector = new UpsetInjector(new VirtualClock(), options, seed: 9, () => null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(injector.IsRunning, Is.False);
            Assert.That(injector.RateMultiplier, Is.EqualTo(1.0));
            Assert.That(injector.Records, Is.Empty);
            Assert.That(injector.Options, Is.SameAs(options));
            Assert.That(injector.Seed, Is.EqualTo(9));
        }
    }

    [Test]
    public void Start_RateZero_SchedulesAndInjectsNothing()
    {
        var rig = new Rig(new UpsetInjectorOptions(), seed: 1, new BitArrayTarget("ram", MegaBit));

        rig.Injector.Start();
        int armed = rig.Clock.ArmedTimers;
        rig.Clock.RunFor(TimeSpan.FromDays(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Injector.IsRunning, Is.True);
            Assert.That(armed, Is.Zero);
            Assert.That(rig.Injector.Records, Is.Empty);
        }
    }

    [Test]
    public void Start_NoMemory_InjectsNothing()
    {
        var rig = new Rig(Rate(1), seed: 1) { Memory = null };

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        Assert.That(rig.Injector.Records, Is.Empty);
    }

    [Test]
    public void Start_MemoryWithoutTargets_InjectsNothing()
    {
        var rig = new Rig(Rate(1), seed: 1);

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        Assert.That(rig.Injector.Records, Is.Empty);
    }

    [Test]
    public void Start_TwiceThenRun_InjectsAsOnce()
    {
        var once = new Rig(Rate(1), seed: 3, new BitArrayTarget("ram", 1000));
        var twice = new Rig(Rate(1), seed: 3, new BitArrayTarget("ram", 1000));

        once.Injector.Start();
        twice.Injector.Start();
        twice.Injector.Start();
        once.Clock.RunFor(OneDay);
        twice.Clock.RunFor(OneDay);

        Assert.That(twice.Injector.Records, Is.EqualTo(once.Injector.Records));
    }

    [Test]
    public void Run_OneDay_UpsetCountMatchesThePoissonMean()
    {
        // 0.01 per bit per day over 1 Mbit: mean 10,000, sigma 100.
        var rig = new Rig(Rate(0.01), seed: 11, new BitArrayTarget("ram", MegaBit));

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        AssertWithinFiveSigma(rig.Injector.Records.Count, mean: 10_000, sigma: 100);
    }

    [Test]
    public void Run_OneDay_GapsBetweenUpsetsAreExponential()
    {
        var rig = new Rig(Rate(0.01), seed: 12, new BitArrayTarget("ram", MegaBit));

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        // Mean gap 8.64 s, longer than the 1 s recheck: the cut-and-redraw must not bend the shape.
        var times = rig.Injector.Records.Select(r => r.Time.TotalSeconds).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        double meanGap = 86_400 / 10_000.0;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gaps, Has.All.GreaterThan(0.0));
            Assert.That(gaps.Average(), Is.EqualTo(meanGap).Within(5 * meanGap / Math.Sqrt(gaps.Count)));
            foreach (double multiple in new[] { 0.1, 0.5, 1.0, 2.0 })
            {
                double expected = Math.Exp(-multiple);
                double share = gaps.Count(g => g > multiple * meanGap) / (double)gaps.Count;
                AssertWithinFiveSigma(share, expected, Math.Sqrt(expected * (1 - expected) / gaps.Count));
            }
        }
    }

    [Test]
    public void Run_MultiBitFraction_MultiBitShareMatches()
    {
        var options = Rate(0.01) with { MultiBitFraction = 0.2, MultiBitSize = 3 };
        var rig = new Rig(options, seed: 13, new BitArrayTarget("ram", MegaBit));

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        var records = rig.Injector.Records;
        double share = records.Count(r => r.IsMultiBit) / (double)records.Count;
        using (Assert.EnterMultipleScope())
        {
            AssertWithinFiveSigma(share, 0.2, Math.Sqrt(0.2 * 0.8 / records.Count));
            Assert.That(records.Select(r => r.PhysicalBits.Count).Distinct(), Is.EquivalentTo(new[] { 1, 3 }));
        }
    }

    [Test]
    public void Run_DefaultMultiBitFraction_RareDoubleBitUpsets()
    {
        var rig = new Rig(Rate(0.01), seed: 14, new BitArrayTarget("ram", MegaBit));

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        var records = rig.Injector.Records;
        double share = records.Count(r => r.IsMultiBit) / (double)records.Count;
        using (Assert.EnterMultipleScope())
        {
            AssertWithinFiveSigma(share, 0.0122, Math.Sqrt(0.0122 * 0.9878 / records.Count));
            Assert.That(records.Where(r => r.IsMultiBit).Select(r => r.PhysicalBits.Count), Has.All.EqualTo(2));
        }
    }

    [Test]
    public void Run_TwoTargets_HitInProportionToTheirBits()
    {
        var small = new BitArrayTarget("small", MegaBit / 4);
        var large = new BitArrayTarget("large", MegaBit * 3 / 4);
        var rig = new Rig(Rate(0.01), seed: 15, small, large);

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        var records = rig.Injector.Records;
        double smallShare = records.Count(r => r.Target == "small") / (double)records.Count;
        using (Assert.EnterMultipleScope())
        {
            AssertWithinFiveSigma(smallShare, 0.25, Math.Sqrt(0.25 * 0.75 / records.Count));
            Assert.That(records.Select(r => r.Target).Distinct(), Is.EquivalentTo(new[] { "small", "large" }));
        }
    }

    [Test]
    public void Run_OneTarget_FirstBitsUniformOverTheTarget()
    {
        const int Buckets = 10;
        var rig = new Rig(Rate(0.01) with { MultiBitFraction = 0 }, seed: 16, new BitArrayTarget("ram", MegaBit));

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        var records = rig.Injector.Records;
        var counts = records.GroupBy(r => r.PhysicalBits[0] * Buckets / MegaBit).ToDictionary(g => g.Key, g => g.Count());
        double p = 1.0 / Buckets;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(counts.Keys, Is.EquivalentTo(Enumerable.Range(0, Buckets).Select(b => (long)b)));
            foreach (var (bucket, count) in counts)
            {
                AssertWithinFiveSigma(count, records.Count * p, Math.Sqrt(records.Count * p * (1 - p)), $"bucket {bucket}");
            }
        }
    }

    [Test]
    public void Run_MultiBitUpsetsInASmallTarget_FlipAdjacentBitsAndStayInside()
    {
        var options = Rate(100) with { MultiBitFraction = 1, MultiBitSize = 4 };
        var rig = new Rig(options, seed: 17, new BitArrayTarget("tiny", 10));

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        var starts = rig.Injector.Records.Select(r => r.PhysicalBits[0]).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Injector.Records, Has.Count.GreaterThan(500));
            foreach (var record in rig.Injector.Records)
            {
                long first = record.PhysicalBits[0];
                Assert.That(record.PhysicalBits, Is.EqualTo(new[] { first, first + 1, first + 2, first + 3 }), record.ToString());
            }

            Assert.That(starts.Distinct().Order(), Is.EqualTo(new long[] { 0, 1, 2, 3, 4, 5, 6 }), "a run that would leave the target starts at bit 6 instead");
            Assert.That(starts.Count(s => s == 6), Is.GreaterThan(starts.Count(s => s == 0)), "strikes on bits 6 to 9 all start at 6");
        }
    }

    [Test]
    public void Run_TargetSmallerThanTheMultiBitSize_FlipsAllOfIt()
    {
        var options = Rate(100) with { MultiBitFraction = 1, MultiBitSize = 8 };
        var rig = new Rig(options, seed: 18, new BitArrayTarget("three", 3));

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Injector.Records, Is.Not.Empty);
            Assert.That(rig.Injector.Records.Select(r => r.PhysicalBits), Has.All.EqualTo(new long[] { 0, 1, 2 }));
        }
    }

    [Test]
    public void Run_Records_DescribeExactlyTheBitsFlippedAndWhen()
    {
        var target = new BitArrayTarget("ram", 10_000);
        var rig = new Rig(Rate(1) with { MultiBitFraction = 0.3 }, seed: 19, target);
        var raisedAt = new List<(InjectedUpset Upset, TimeSpan At)>();
        rig.Injector.Injected += upset => raisedAt.Add((upset, rig.Clock.Elapsed));

        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);

        var records = rig.Injector.Records;
        var flippedOddTimes = records.SelectMany(r => r.PhysicalBits).GroupBy(b => b).Where(g => g.Count() % 2 == 1).Select(g => g.Key);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records, Has.Count.GreaterThan(1000));
            Assert.That(target.Flips, Is.EqualTo(records.Sum(r => r.PhysicalBits.Count)));
            Assert.That(target.SetBits(), Is.EquivalentTo(flippedOddTimes));
            Assert.That(raisedAt.Select(e => e.Upset), Is.EqualTo(records));
            Assert.That(raisedAt.Select(e => e.Upset.Time), Is.EqualTo(raisedAt.Select(e => e.At)));
            Assert.That(records.Select(r => r.Time), Is.Ordered.Ascending);
            Assert.That(records.Select(r => r.Locations), Is.EqualTo(records.Select(r => r.PhysicalBits.Select(target.Locate))));
            Assert.That(records.Select(r => r.Boot), Has.All.Zero, "no boot number was given");
        }
    }

    [Test]
    public void Run_BootNumberGiven_StampsEachRecordWithIt()
    {
        int boot = 4;
        var clock = new VirtualClock();
        var map = new MemoryMap();
        map.Register(new BitArrayTarget("ram", 10_000));
        using var injector = new UpsetInjector(clock, Rate(1), seed: 20, () => map, () => boot);

        injector.Start();
        clock.RunFor(TimeSpan.FromHours(1));
        boot = 5;
        clock.RunFor(TimeSpan.FromHours(1));

        var boots = injector.Records.Select(r => (r.Time < TimeSpan.FromHours(1), r.Boot)).Distinct();
        Assert.That(boots, Is.EquivalentTo(new[] { (true, 4), (false, 5) }));
    }

    [Test]
    public void Run_SameSeed_IdenticalRecords()
    {
        var first = RunRecords(seed: 21);
        var second = RunRecords(seed: 21);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Has.Count.GreaterThan(100));
            Assert.That(second, Is.EqualTo(first));
        }
    }

    [Test]
    public void Run_DifferentSeed_DifferentRecords()
    {
        var first = RunRecords(seed: 21);
        var second = RunRecords(seed: 22);

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void Run_RegionRegisteredLater_IsHitFromThenOn()
    {
        var early = new BitArrayTarget("early", 100_000);
        var late = new BitArrayTarget("late", 100_000);
        var rig = new Rig(Rate(1), seed: 23, early);
        rig.Injector.Start();
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));
        double rateBefore = rig.Injector.CurrentRatePerSecond;

        rig.Memory!.Register(late);
        double rateAfter = rig.Injector.CurrentRatePerSecond;
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));

        var lateHits = rig.Injector.Records.Where(r => r.Target == "late").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rateBefore, Is.EqualTo(100_000 / 86_400.0).Within(1e-12));
            Assert.That(rateAfter, Is.EqualTo(2 * rateBefore).Within(1e-12));
            Assert.That(lateHits, Is.Not.Empty);
            Assert.That(lateHits.Min(r => r.Time), Is.GreaterThan(TimeSpan.FromMinutes(10)));
        }
    }

    [Test]
    public void Run_MemoryGoneMidRun_NothingHitUntilItReturns()
    {
        var rig = new Rig(Rate(1), seed: 24, new BitArrayTarget("ram", 100_000));
        var map = rig.Memory;
        rig.Injector.Start();
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));

        rig.Memory = null;
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));
        rig.Memory = map;
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));

        var times = rig.Injector.Records.Select(r => r.Time).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(times.Where(t => t > TimeSpan.FromMinutes(10) && t <= TimeSpan.FromMinutes(20)), Is.Empty);
            Assert.That(times.Where(t => t > TimeSpan.FromMinutes(20)), Is.Not.Empty);
        }
    }

    [Test]
    public void RateMultiplier_SetToZero_StopsArrivalsUntilRaisedAgain()
    {
        var rig = new Rig(Rate(1), seed: 25, new BitArrayTarget("ram", 100_000));
        rig.Injector.Start();
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));
        int before = rig.Injector.Records.Count;

        rig.Injector.RateMultiplier = 0;
        int armedWhilePaused = rig.Clock.ArmedTimers;
        rig.Clock.RunFor(OneDay);
        int afterPause = rig.Injector.Records.Count;
        rig.Injector.RateMultiplier = 1;
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.GreaterThan(0));
            Assert.That(armedWhilePaused, Is.Zero);
            Assert.That(afterPause, Is.EqualTo(before));
            Assert.That(rig.Injector.Records, Has.Count.GreaterThan(afterPause));
        }
    }

    [Test]
    public void RateMultiplier_Ten_GivesTenTimesTheUpsets()
    {
        // Base mean over one day: 0.002 x 1 Mbit = 2,000; times ten: 20,000 (sigma 141).
        var rig = new Rig(Rate(0.002), seed: 26, new BitArrayTarget("ram", MegaBit));
        rig.Injector.Start();
        rig.Clock.RunFor(OneDay);
        int atOne = rig.Injector.Records.Count;

        rig.Injector.RateMultiplier = 10;
        rig.Clock.RunFor(OneDay);
        int atTen = rig.Injector.Records.Count - atOne;

        using (Assert.EnterMultipleScope())
        {
            AssertWithinFiveSigma(atOne, 2_000, Math.Sqrt(2_000));
            AssertWithinFiveSigma(atTen, 20_000, Math.Sqrt(20_000));
            Assert.That(rig.Injector.CurrentRatePerSecond, Is.EqualTo(10 * 0.002 * MegaBit / 86_400).Within(1e-9));
        }
    }

    [Test]
    public void RateMultiplier_SetWhileStopped_SchedulesNothing()
    {
        var rig = new Rig(Rate(1), seed: 27, new BitArrayTarget("ram", 100_000));

        rig.Injector.RateMultiplier = 5;
        rig.Clock.RunFor(OneDay);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Injector.RateMultiplier, Is.EqualTo(5.0));
            Assert.That(rig.Clock.ArmedTimers, Is.Zero);
            Assert.That(rig.Injector.Records, Is.Empty);
        }
    }

    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void RateMultiplier_NegativeOrNotFinite_ThrowsAndKeepsTheOldValue(double multiplier)
    {
        var rig = new Rig(Rate(1), seed: 28);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => rig.Injector.RateMultiplier = multiplier, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(rig.Injector.RateMultiplier, Is.EqualTo(1.0));
        }
    }

    [Test]
    public void Stop_WhileRunning_NoMoreUpsetsUntilStartedAgain()
    {
        var rig = new Rig(Rate(1), seed: 29, new BitArrayTarget("ram", 100_000));
        rig.Injector.Start();
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));

        rig.Injector.Stop();
        int atStop = rig.Injector.Records.Count;
        int armedWhileStopped = rig.Clock.ArmedTimers;
        rig.Clock.RunFor(OneDay);
        int afterStopped = rig.Injector.Records.Count;
        rig.Injector.Start();
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atStop, Is.GreaterThan(0));
            Assert.That(armedWhileStopped, Is.Zero);
            Assert.That(afterStopped, Is.EqualTo(atStop));
            Assert.That(rig.Injector.IsRunning, Is.True);
            Assert.That(rig.Injector.Records, Has.Count.GreaterThan(atStop));
        }
    }

    [Test]
    public void Dispose_Running_StopsForGoodAndKeepsTheRecords()
    {
        var rig = new Rig(Rate(1), seed: 30, new BitArrayTarget("ram", 100_000));
        rig.Injector.Start();
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));
        var records = rig.Injector.Records.ToList();

        rig.Injector.Dispose();
        rig.Injector.Dispose();
        rig.Clock.RunFor(OneDay);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Injector.IsRunning, Is.False);
            Assert.That(rig.Clock.ArmedTimers, Is.Zero);
            Assert.That(rig.Injector.Records, Is.EqualTo(records));
            Assert.That(() => rig.Injector.Start(), Throws.TypeOf<ObjectDisposedException>());
        }
    }

    [Test]
    public void Injected_HandlerThrows_ExceptionReachesTheClockRunnerAndArrivalsGoOn()
    {
        var rig = new Rig(Rate(1), seed: 31, new BitArrayTarget("ram", 100_000));
        bool thrown = false;
        rig.Injector.Injected += _ =>
        {
            if (!thrown)
            {
                thrown = true;
                throw new InvalidOperationException("observer failed");
            }
        };
        rig.Injector.Start();

        Assert.That(() => rig.Clock.RunFor(TimeSpan.FromMinutes(10)), Throws.InvalidOperationException.With.Message.EqualTo("observer failed"));
        rig.Clock.RunFor(TimeSpan.FromMinutes(10));

        Assert.That(rig.Injector.Records, Has.Count.GreaterThan(1));
    }

    [Test]
    public void Inject_Bits_FlipsThemRecordsAndRaisesInjected()
    {
        var target = new BitArrayTarget("ram", 1000);
        var rig = new Rig(new UpsetInjectorOptions(), seed: 32, target);
        var raised = new List<InjectedUpset>();
        rig.Injector.Injected += raised.Add;
        rig.Clock.RunFor(TimeSpan.FromSeconds(42));

        var upset = rig.Injector.Inject("ram", physicalBit: 71, bitCount: 2);

        var expected = new InjectedUpset(TimeSpan.FromSeconds(42), 0, "ram", [71L, 72L], [new CodewordBit(0, 71), new CodewordBit(1, 0)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(upset, Is.EqualTo(expected));
            Assert.That(rig.Injector.Records, Is.EqualTo(new[] { expected }));
            Assert.That(raised, Is.EqualTo(new[] { expected }));
            Assert.That(target.SetBits(), Is.EqualTo(new long[] { 71, 72 }));
        }
    }

    [Test]
    public void Inject_SameBitTwice_RestoresIt()
    {
        var target = new BitArrayTarget("ram", 1000);
        var rig = new Rig(new UpsetInjectorOptions(), seed: 33, target);

        rig.Injector.Inject("ram", 5);
        rig.Injector.Inject("ram", 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(target.SetBits(), Is.Empty);
            Assert.That(rig.Injector.Records, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public void Inject_UnknownTarget_ThrowsArgumentExceptionListingTheRegisteredOnes()
    {
        var rig = new Rig(new UpsetInjectorOptions(), seed: 34, new BitArrayTarget("weights", 100), new BitArrayTarget("state", 100));

        Assert.That(
            () => rig.Injector.Inject("ram", 0),
            Throws.ArgumentException.With.Message.Contains("'ram'").And.Message.Contains("'weights', 'state'"));
    }

    [Test]
    public void Inject_NoMemory_ThrowsInvalidOperationException()
    {
        var rig = new Rig(new UpsetInjectorOptions(), seed: 35) { Memory = null };

        Assert.That(() => rig.Injector.Inject("ram", 0), Throws.InvalidOperationException.With.Message.Contains("no memory"));
    }

    [TestCase(-1L, 1)]
    [TestCase(10L, 1)]
    [TestCase(8L, 3)]
    [TestCase(0L, 11)]
    [TestCase(0L, 0)]
    public void Inject_BitsOutsideTheTarget_ThrowsArgumentOutOfRangeException(long physicalBit, int bitCount)
    {
        var target = new BitArrayTarget("ten", 10);
        var rig = new Rig(new UpsetInjectorOptions(), seed: 36, target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => rig.Injector.Inject("ten", physicalBit, bitCount), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(target.Flips, Is.Zero);
            Assert.That(rig.Injector.Records, Is.Empty);
        }
    }

    [Test]
    public void Inject_WhileRunning_InterleavesWithRandomUpsetsInTimeOrder()
    {
        var rig = new Rig(Rate(1), seed: 37, new BitArrayTarget("ram", 100_000));
        rig.Injector.Start();
        rig.Clock.RunFor(TimeSpan.FromMinutes(1));

        var scripted = rig.Injector.Inject("ram", 0);
        rig.Clock.RunFor(TimeSpan.FromMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rig.Injector.Records, Does.Contain(scripted));
            Assert.That(rig.Injector.Records.Select(r => r.Time), Is.Ordered.Ascending);
            Assert.That(rig.Injector.Records.Count(r => r.Time > scripted.Time), Is.GreaterThan(0));
        }
    }

    private static UpsetInjectorOptions Rate(double perBitPerDay) => new() { RatePerBitPerDay = perBitPerDay };

    private static List<InjectedUpset> RunRecords(int seed)
    {
        var rig = new Rig(Rate(1) with { MultiBitFraction = 0.5 }, seed, new BitArrayTarget("a", 10_000), new BitArrayTarget("b", 5_000));
        rig.Injector.Start();
        rig.Clock.RunFor(TimeSpan.FromHours(1));
        return [.. rig.Injector.Records];
    }

    private static void AssertWithinFiveSigma(double actual, double mean, double sigma, string? what = null)
    {
        Assert.That(actual, Is.EqualTo(mean).Within(5 * sigma), what);
    }

    /// <summary>A clock, a memory map holding <c>targets</c>, and an injector over whatever <see cref="Memory"/> is now.</summary>
    private sealed class Rig
    {
        public Rig(UpsetInjectorOptions options, int seed, params IUpsetTarget[] targets)
        {
            Memory = new MemoryMap();
            foreach (var target in targets)
            {
                Memory.Register(target);
            }

            Injector = new UpsetInjector(Clock, options, seed, () => Memory);
        }

        public VirtualClock Clock { get; } = new();

        public MemoryMap? Memory { get; set; }

        public UpsetInjector Injector { get; }
    }
}
