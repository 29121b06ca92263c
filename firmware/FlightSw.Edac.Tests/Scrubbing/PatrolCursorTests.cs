using FlightSw.Edac.Regions;
using FlightSw.Edac.Scrubbing;

namespace FlightSw.Edac.Tests.Scrubbing;

public class PatrolCursorTests
{
    [Test]
    public void Constructor_NullRegions_Throws()
    {
        Assert.That(() => new PatrolCursor(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Order_MixedImportance_HighestFirstThenRegistrationOrder()
    {
        var lowA = Region("low.a", 8, RegionImportance.Low);
        var normalA = Region("normal.a", 8, RegionImportance.Normal);
        var critical = Region("critical", 8, RegionImportance.Critical);
        var highA = Region("high.a", 8, RegionImportance.High);
        var normalB = Region("normal.b", 8, RegionImportance.Normal);
        var highB = Region("high.b", 8, RegionImportance.High);
        var lowB = Region("low.b", 8, RegionImportance.Low);

        var cursor = new PatrolCursor([lowA, normalA, critical, highA, normalB, highB, lowB]);

        Assert.That(
            cursor.Order.Select(region => region.Name),
            Is.EqualTo(new[] { "critical", "high.a", "high.b", "normal.a", "normal.b", "low.a", "low.b" }));
    }

    [Test]
    public void Order_AllEqualImportance_KeepsRegistrationOrder()
    {
        var cursor = new PatrolCursor([Region("c", 8), Region("a", 8), Region("b", 8)]);

        Assert.That(cursor.Order.Select(region => region.Name), Is.EqualTo(new[] { "c", "a", "b" }));
    }

    [Test]
    public void TotalWords_SeveralRegions_SumsWordCounts()
    {
        var cursor = new PatrolCursor([Region("a", 8), Region("b", 24), Region("c", 1)]);

        Assert.That(cursor.TotalWords, Is.EqualTo(33));
    }

    [Test]
    public void TryTake_FirstChunk_ComesFromMostImportantRegion()
    {
        var low = Region("low", 16, RegionImportance.Low);
        var critical = Region("critical", 16, RegionImportance.Critical);
        var cursor = new PatrolCursor([low, critical]);

        Assert.That(cursor.TryTake(4, out var chunk), Is.True);
        Assert.That(chunk.Region, Is.SameAs(critical));
    }

    [Test]
    public void TryTake_BudgetLargerThanRegion_StopsAtRegionEnd()
    {
        var a = Region("a", 10);
        var b = Region("b", 10);
        var cursor = new PatrolCursor([a, b]);

        Assert.That(cursor.TryTake(1000, out var chunk), Is.True);
        Assert.That(chunk, Is.EqualTo(new ScrubChunk(a, 0, 10, EndsRegion: true)));
    }

    [Test]
    public void TryTake_BudgetSmallerThanRegion_TakesBudgetThenRemainder()
    {
        var a = Region("a", 10);
        var cursor = new PatrolCursor([a]);

        cursor.TryTake(4, out var first);
        cursor.TryTake(4, out var second);
        cursor.TryTake(4, out var third);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new ScrubChunk(a, 0, 4, EndsRegion: false)));
            Assert.That(second, Is.EqualTo(new ScrubChunk(a, 4, 4, EndsRegion: false)));
            Assert.That(third, Is.EqualTo(new ScrubChunk(a, 8, 2, EndsRegion: true)));
        });
    }

    [Test]
    public void TryTake_BudgetExactlyRegion_EndsRegion()
    {
        var a = Region("a", 8);
        var cursor = new PatrolCursor([a, Region("b", 8)]);

        cursor.TryTake(8, out var chunk);

        Assert.That(chunk, Is.EqualTo(new ScrubChunk(a, 0, 8, EndsRegion: true)));
    }

    [Test]
    public void TryTake_RegionFinishedWithoutAdvance_DoesNotCrossIntoNextRegion()
    {
        var a = Region("a", 4);
        var b = Region("b", 4);
        var cursor = new PatrolCursor([a, b]);
        cursor.TryTake(4, out _);

        cursor.TryTake(4, out var chunk);
        Assert.Multiple(() =>
        {
            Assert.That(chunk.Region, Is.SameAs(a));
            Assert.That(chunk.StartWord + chunk.WordCount, Is.LessThanOrEqualTo(a.WordCount));
        });
    }

    [Test]
    public void TryTake_FullScanWithAdvance_ChunksNeverCrossRegionAndCoverEveryWordOnce()
    {
        var regions = new[]
        {
            Region("a", 7, RegionImportance.Low),
            Region("b", 13, RegionImportance.Critical),
            Region("c", 1),
            Region("d", 32, RegionImportance.High),
        };
        var cursor = new PatrolCursor(regions);
        var covered = regions.ToDictionary(region => region.Name, region => new int[region.WordCount]);
        var visited = new List<string>();

        bool scanDone = false;
        int takes = 0;
        while (!scanDone)
        {
            Assert.That(cursor.TryTake(5, out var chunk), Is.True);
            Assert.Multiple(() =>
            {
                Assert.That(chunk.WordCount, Is.InRange(1, 5));
                Assert.That(chunk.StartWord + chunk.WordCount, Is.LessThanOrEqualTo(chunk.Region.WordCount));
                Assert.That(chunk.EndsRegion, Is.EqualTo(chunk.StartWord + chunk.WordCount == chunk.Region.WordCount));
            });
            for (int word = chunk.StartWord; word < chunk.StartWord + chunk.WordCount; word++)
            {
                covered[chunk.Region.Name][word]++;
            }

            if (visited.Count == 0 || visited[^1] != chunk.Region.Name)
            {
                visited.Add(chunk.Region.Name);
            }

            scanDone = cursor.AdvanceIfRegionDone();
            takes++;
            Assert.That(takes, Is.LessThan(100), "the scan never ended");
        }

        Assert.Multiple(() =>
        {
            Assert.That(visited, Is.EqualTo(new[] { "b", "d", "c", "a" }));
            Assert.That(covered.Values.SelectMany(counts => counts), Is.All.EqualTo(1));
            Assert.That(cursor.FullScans, Is.EqualTo(1));
        });
    }

    [Test]
    public void AdvanceIfRegionDone_NothingTaken_ReturnsFalseAndStays()
    {
        var a = Region("a", 8);
        var cursor = new PatrolCursor([a, Region("b", 8)]);

        Assert.That(cursor.AdvanceIfRegionDone(), Is.False);
        cursor.TryTake(3, out var chunk);
        Assert.That(chunk, Is.EqualTo(new ScrubChunk(a, 0, 3, EndsRegion: false)));
    }

    [Test]
    public void AdvanceIfRegionDone_RegionPartlyTaken_ReturnsFalseAndContinuesSameRegion()
    {
        var a = Region("a", 8);
        var cursor = new PatrolCursor([a, Region("b", 8)]);
        cursor.TryTake(5, out _);

        Assert.That(cursor.AdvanceIfRegionDone(), Is.False);
        cursor.TryTake(5, out var chunk);
        Assert.That(chunk, Is.EqualTo(new ScrubChunk(a, 5, 3, EndsRegion: true)));
    }

    [Test]
    public void AdvanceIfRegionDone_RegionFinishedNotLast_MovesToNextRegionStartWithoutFullScan()
    {
        var a = Region("a", 8);
        var b = Region("b", 8);
        var cursor = new PatrolCursor([a, b]);
        cursor.TryTake(8, out _);

        Assert.That(cursor.AdvanceIfRegionDone(), Is.False);
        cursor.TryTake(3, out var chunk);
        Assert.Multiple(() =>
        {
            Assert.That(chunk, Is.EqualTo(new ScrubChunk(b, 0, 3, EndsRegion: false)));
            Assert.That(cursor.FullScans, Is.Zero);
        });
    }

    [Test]
    public void AdvanceIfRegionDone_CalledTwiceAfterRegionFinished_SkipsOnlyOneRegion()
    {
        var a = Region("a", 4);
        var b = Region("b", 4);
        var cursor = new PatrolCursor([a, b, Region("c", 4)]);
        cursor.TryTake(4, out _);

        cursor.AdvanceIfRegionDone();
        Assert.That(cursor.AdvanceIfRegionDone(), Is.False);
        cursor.TryTake(4, out var chunk);
        Assert.That(chunk.Region, Is.SameAs(b));
    }

    [Test]
    public void AdvanceIfRegionDone_LastRegionFinished_ReturnsTrueCountsScanAndWrapsToFirst()
    {
        var a = Region("a", 4);
        var b = Region("b", 4);
        var cursor = new PatrolCursor([a, b]);
        cursor.TryTake(4, out _);
        cursor.AdvanceIfRegionDone();
        cursor.TryTake(4, out _);

        Assert.That(cursor.AdvanceIfRegionDone(), Is.True);
        cursor.TryTake(2, out var chunk);
        Assert.Multiple(() =>
        {
            Assert.That(cursor.FullScans, Is.EqualTo(1));
            Assert.That(chunk, Is.EqualTo(new ScrubChunk(a, 0, 2, EndsRegion: false)));
        });
    }

    [Test]
    public void FullScans_ThreePasses_CountsThree()
    {
        var cursor = new PatrolCursor([Region("a", 10), Region("b", 6, RegionImportance.High)]);
        int completions = 0;

        for (int take = 0; take < 3 * 4; take++)
        {
            Assert.That(cursor.TryTake(4, out _), Is.True);
            if (cursor.AdvanceIfRegionDone())
            {
                completions++;
            }
        }

        // Per pass: b takes 4+2, a takes 4+4+2 = 5 takes; 12 takes = 2 full passes and 2 takes into the third.
        Assert.Multiple(() =>
        {
            Assert.That(completions, Is.EqualTo(2));
            Assert.That(cursor.FullScans, Is.EqualTo(2));
        });

        for (int take = 0; take < 3; take++)
        {
            cursor.TryTake(4, out _);
            cursor.AdvanceIfRegionDone();
        }

        Assert.That(cursor.FullScans, Is.EqualTo(3));
    }

    [Test]
    public void FullScans_SingleRegionOneWordAtATime_CountsOnePerRegionPass()
    {
        var cursor = new PatrolCursor([Region("a", 3)]);
        var scanEnds = new List<int>();

        for (int take = 0; take < 9; take++)
        {
            cursor.TryTake(1, out _);
            if (cursor.AdvanceIfRegionDone())
            {
                scanEnds.Add(take);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(scanEnds, Is.EqualTo(new[] { 2, 5, 8 }));
            Assert.That(cursor.FullScans, Is.EqualTo(3));
        });
    }

    [Test]
    public void FullScans_NewCursor_IsZero()
    {
        Assert.That(new PatrolCursor([Region("a", 8)]).FullScans, Is.Zero);
    }

    [Test]
    public void TryTake_NoRegions_ReturnsFalse()
    {
        var cursor = new PatrolCursor([]);

        Assert.Multiple(() =>
        {
            Assert.That(cursor.TryTake(16, out var chunk), Is.False);
            Assert.That(chunk, Is.EqualTo(default(ScrubChunk)));
        });
    }

    [Test]
    public void AdvanceIfRegionDone_NoRegions_ReturnsFalseAndCountsNoScan()
    {
        var cursor = new PatrolCursor([]);

        Assert.Multiple(() =>
        {
            Assert.That(cursor.AdvanceIfRegionDone(), Is.False);
            Assert.That(cursor.FullScans, Is.Zero);
            Assert.That(cursor.TotalWords, Is.Zero);
            Assert.That(cursor.Order, Is.Empty);
        });
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void TryTake_NonPositiveBudget_ReturnsFalseAndDoesNotMove(int budget)
    {
        var a = Region("a", 8);
        var cursor = new PatrolCursor([a]);

        Assert.Multiple(() =>
        {
            Assert.That(cursor.TryTake(budget, out var refused), Is.False);
            Assert.That(refused, Is.EqualTo(default(ScrubChunk)));
        });
        cursor.TryTake(8, out var chunk);
        Assert.That(chunk, Is.EqualTo(new ScrubChunk(a, 0, 8, EndsRegion: true)));
    }

    private static EccRegion Region(string name, int words, RegionImportance importance = RegionImportance.Normal) =>
        new(new EccRegionOptions { Name = name, WordCount = words, Importance = importance });
}
