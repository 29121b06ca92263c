using FlightSw.Edac.Codec;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Tests.Regions;

namespace FlightSw.Edac.Tests.Recovery;

public class RecomputeRecoveryTests
{
    private static ulong TableValue(int word) => (ulong)word * 0x0101010101010101UL;

    [Test]
    public void Recover_UncorrectableWords_RewrittenWithCallbackValues()
    {
        var asked = new List<int>();
        var region = TestRegions.Create(32, recovery: RegionRecovery.Recompute(word =>
        {
            asked.Add(word);
            return TableValue(word);
        }));
        for (int word = 0; word < 32; word++)
        {
            region.WriteWord(word, TableValue(word));
        }

        region.FlipCodewordBit(12, 8);
        region.FlipCodewordBit(12, 9);
        region.FlipCodewordBit(30, 70);
        region.FlipCodewordBit(30, 71);

        var result = region.Recover(region.Scrub(0, 32).UncorrectableWords);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RecoveryOutcome.Recovered));
            Assert.That(result.WordsRecovered, Is.EqualTo(2));
            Assert.That(result.BitsRepaired, Is.EqualTo(4));
            Assert.That(asked, Is.EqualTo(new[] { 12, 30 }));
            Assert.That(region.ReadAll(), Is.EqualTo(Enumerable.Range(0, 32).Select(TableValue)));
            Assert.That(region.RecoveredBits, Is.EqualTo(4));
        });
    }

    [Test]
    public void Recover_CallbackThrows_FailedWithMessageAndNothingWritten()
    {
        var region = TestRegions.Create(8, recovery: RegionRecovery.Recompute(word =>
            word == 6 ? throw new InvalidOperationException("table source offline") : TableValue(word)));
        foreach (int word in new[] { 2, 6 })
        {
            region.FlipCodewordBit(word, 0);
            region.FlipCodewordBit(word, 1);
        }

        var result = region.Recover([2, 6]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RecoveryOutcome.Failed));
            Assert.That(result.Detail, Does.Contain("table source offline").And.Contain(region.Name));
            Assert.That(region.TryReadWord(2, out _).Status, Is.EqualTo(CodewordStatus.Uncorrectable), "word 2 was not written before word 6 failed");
            Assert.That(region.RecoveredWords, Is.Zero);
        });
    }

    [Test]
    public void Description_Recompute_IsRecompute()
    {
        Assert.That(RegionRecovery.Recompute(TableValue).Description, Is.EqualTo("recompute"));
    }
}
