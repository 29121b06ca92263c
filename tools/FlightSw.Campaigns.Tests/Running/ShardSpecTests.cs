using FlightSw.Campaigns.Running;

namespace FlightSw.Campaigns.Tests.Running;

public class ShardSpecTests
{
    [TestCase("1/1", 1, 1)]
    [TestCase("2/3", 2, 3)]
    public void Parse_KOverN_ReadsIt(string text, int index, int count) =>
        Assert.That(ShardSpec.Parse(text), Is.EqualTo(new ShardSpec(index, count)));

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("1")]
    [TestCase("a/b")]
    [TestCase("-1/3")]
    public void Parse_NotKOverN_RefusesWithTheForm(string text) =>
        Assert.That(() => ShardSpec.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contains("K/N"));

    [Test]
    public void CountOf_EveryShard_AddsUpToTheTotal()
    {
        Assert.That(Enumerable.Range(1, 7).Sum(k => new ShardSpec(k, 7).CountOf(100)), Is.EqualTo(100));
    }
}
