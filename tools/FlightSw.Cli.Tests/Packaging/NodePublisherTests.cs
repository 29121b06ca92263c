using FlightSw.Cli.Packaging;

namespace FlightSw.Cli.Tests.Packaging;

[TestFixture]
public class NodePublisherTests
{
    [TestCase("linux-arm64", true)]
    [TestCase("linux-x64", true)]
    [TestCase("linux-arm", false)]
    public void IsSelfContained_Runtime_AllButLinuxArm(string runtime, bool expected)
    {
        Assert.That(NodePublisher.IsSelfContained(runtime), Is.EqualTo(expected));
    }

    [TestCase("linux-arm64", true)]
    [TestCase("linux-x64", true)]
    [TestCase("linux-arm", false)]
    public void HasAppHost_Runtime_AllButLinuxArm(string runtime, bool expected)
    {
        Assert.That(NodePublisher.HasAppHost(runtime), Is.EqualTo(expected));
    }

    [Test]
    public void Arguments_LinuxArm64_ReleaseSelfContainedUntrimmedIntoTheFolders()
    {
        var args = NodePublisher.Arguments("linux-arm64", "/tmp/out", "/tmp/art");

        Assert.That(string.Join(' ', args), Is.EqualTo(
            "publish firmware/FlightSw.Node/FlightSw.Node.csproj -c Release -r linux-arm64 --self-contained true -p:PublishTrimmed=false -p:UseAppHost=true -o /tmp/out --artifacts-path /tmp/art --disable-build-servers -nologo"));
    }

    [Test]
    public void Arguments_LinuxArm_FrameworkDependent()
    {
        var args = NodePublisher.Arguments("linux-arm", "/o", "/a").ToList();

        Assert.That(args[args.IndexOf("--self-contained") + 1], Is.EqualTo("false"));
        Assert.That(args, Does.Contain("-p:UseAppHost=false"));
    }

    [Test]
    public void Summarize_Errors_DistinctErrorLinesOnOneLine()
    {
        string summary = NodePublisher.Summarize(
        [
            "  Restoring...",
            "/x/A.cs(1,1): error CS0103: The name 'y' does not exist [/x/A.csproj]",
            "/x/A.cs(1,1): error CS0103: The name 'y' does not exist [/x/A.csproj]",
            "Build FAILED.",
        ]);

        Assert.That(summary, Is.EqualTo("/x/A.cs(1,1): error CS0103: The name 'y' does not exist [/x/A.csproj]"));
    }

    [Test]
    public void Summarize_NoErrorLines_LastLines()
    {
        Assert.That(NodePublisher.Summarize(["a", "b", "c", "d"]), Is.EqualTo("b | c | d"));
        Assert.That(NodePublisher.Summarize([]), Is.EqualTo("no output"));
    }

    [Test]
    public void Summarize_ManyErrors_FiveAndACount()
    {
        string summary = NodePublisher.Summarize(Enumerable.Range(0, 8).Select(i => $"f.cs: error CS{i}: bad"));

        Assert.That(summary, Does.EndWith("... and 3 more"));
        Assert.That(summary.Split(" | "), Has.Length.EqualTo(6));
    }
}
