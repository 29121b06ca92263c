using FlightSw.Edac.Codec;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Tests.Regions;

namespace FlightSw.Edac.Tests.Recovery;

public class EscalateRecoveryTests
{
    [Test]
    public void Recover_DefaultRecovery_EscalatedAndNothingChanged()
    {
        var (region, expected) = TestRegions.Filled(16);
        region.FlipCodewordBit(4, 20);
        region.FlipCodewordBit(4, 21);
        var before = region.Raw<ulong>().ToArray();

        var result = region.Recover(region.Scrub(0, 16).UncorrectableWords);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RecoveryOutcome.Escalated));
            Assert.That(result.WordsRecovered, Is.Zero);
            Assert.That(result.BitsRepaired, Is.Zero);
            Assert.That(result.Detail, Does.Contain(region.Name));
            Assert.That(region.Raw<ulong>().ToArray(), Is.EqualTo(before));
            Assert.That(region.TryReadWord(4, out _).Status, Is.EqualTo(CodewordStatus.Uncorrectable));
            Assert.That(region.RecoveredWords, Is.Zero);
            Assert.That(before[4], Is.Not.EqualTo(expected[4]));
        });
    }

    [Test]
    public void Description_Escalate_EscalateToHealth()
    {
        Assert.That(RegionRecovery.Escalate.Description, Is.EqualTo("escalate to health"));
    }
}
