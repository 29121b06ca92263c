using System.Net.Sockets;
using FlightSw.Ground;
using FlightSw.Link.Security;

namespace FlightSw.Cli.Tests;

[TestFixture]
public class CommandGuardTests
{
    [Test]
    public void Run_WorkThrows_OneLineAndTheExitCodeOfItsKind()
    {
        using var error = new StringWriter();
        var env = new CliEnvironment(TextWriter.Null, error, _ => null, Interactive: false);

        int code = CommandGuard.Run(env, () => throw new TimeoutException("No acceptance of CMD_NOOP within 10 s."));

        Assert.That(code, Is.EqualTo(3));
        Assert.That(error.ToString(), Is.EqualTo("flightsw: No acceptance of CMD_NOOP within 10 s." + Environment.NewLine));
    }

    [Test]
    public void Classify_EachKindOfFailure_ItsExitCode()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CommandGuard.Classify(new CliException(2, "x")).Code, Is.EqualTo(2));
            Assert.That(CommandGuard.Classify(new KeyFileException("x")).Code, Is.EqualTo(2));
            Assert.That(CommandGuard.Classify(new TelecommandRefusedException(LinkRefusal.BadMac, "x")).Code, Is.EqualTo(1));
            Assert.That(CommandGuard.Classify(new IOException("x")).Code, Is.EqualTo(3));
            Assert.That(CommandGuard.Classify(new SocketException()).Code, Is.EqualTo(3));
            Assert.That(CommandGuard.Classify(new TimeoutException("x")).Code, Is.EqualTo(3));
            Assert.That(CommandGuard.Classify(new ArgumentException("x")).Code, Is.EqualTo(2));
            Assert.That(CommandGuard.Classify(new InvalidOperationException("x")).Message, Does.Contain("InvalidOperationException"));
        });
    }
}
