using FlightSw.Campaigns.Reporting;

namespace FlightSw.Campaigns.Tests.Reporting;

public class OrderTests
{
    [Test]
    public void NaturalOrder_NumberedLayers_ByNumberThenOrdinal()
    {
        string[] names = ["conv10", "fc", "conv2", "conv1", "block2.conv10", "block2.conv9", "conv02", "Conv3"];

        var sorted = names.Order(NaturalOrder.Instance).ToList();

        Assert.That(sorted, Is.EqualTo(new[] { "Conv3", "block2.conv9", "block2.conv10", "conv1", "conv02", "conv2", "conv10", "fc" }));
    }

    [Test]
    public void BitClassOrder_Classes_MostSignificantFieldFirstUnknownLast()
    {
        string[] classes = ["state", "mantissa", "zzz", "check", "sign", "data", "exponent", "value", "aaa"];

        var sorted = classes.Order(BitClassOrder.Instance).ToList();

        Assert.That(sorted, Is.EqualTo(new[] { "sign", "exponent", "mantissa", "value", "data", "check", "state", "aaa", "zzz" }));
    }
}
