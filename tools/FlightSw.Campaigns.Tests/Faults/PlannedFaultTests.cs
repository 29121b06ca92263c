using FlightSw.Campaigns.Faults;

namespace FlightSw.Campaigns.Tests.Faults;

public class PlannedFaultTests
{
    [TestCase(FaultSiteKind.Weight, 31, 1, "sign")]
    [TestCase(FaultSiteKind.Weight, 30, 1, "exponent")]
    [TestCase(FaultSiteKind.Weight, 23, 1, "exponent")]
    [TestCase(FaultSiteKind.Weight, 22, 1, "mantissa")]
    [TestCase(FaultSiteKind.Weight, 21, 2, "mantissa")]
    [TestCase(FaultSiteKind.Weight, 22, 2, "exponent")]
    [TestCase(FaultSiteKind.EccWord, 63, 1, "data")]
    [TestCase(FaultSiteKind.EccWord, 64, 1, "check")]
    public void BitClass_IsTheFieldOfTheTopBitTouched(FaultSiteKind site, int bit, int width, string expected)
    {
        var fault = new PlannedFault(site, "t", 0, 0, bit, width, width > 1 ? FaultKind.AdjacentBits : FaultKind.SingleBit, 0, 0);
        Assert.That(fault.BitClass, Is.EqualTo(expected));
    }

    [Test]
    public void FloatChange_EccWord_Throws()
    {
        var fault = new PlannedFault(FaultSiteKind.EccWord, "r", -1, 0, 3, 1, FaultKind.SingleBit, 0, 0);
        Assert.That(() => fault.FloatChange, Throws.InvalidOperationException);
    }
}
