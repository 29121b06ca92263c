using FlightSw.Core.Commands;
using FlightSw.Link.Framing;
using FlightSw.Link.Messages;
using FlightSw.Link.Packets;
using FlightSw.Link.Security;
using FlightSw.Link.Service;

namespace FlightSw.Link.Tests.Service;

[Platform("Linux")]
public class SerialLinkPortTests
{
    private static readonly LinkKey Key = new(1, Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    [Test]
    public void Read_CommandsBetweenLineNoise_EveryCommandFoundAndTheNoiseCounted()
    {
        using var line = PseudoTerminal.Open();
        using var service = new LinkService(new LinkServiceOptions { NodeName = "n", BoardName = "b", BoardTime = TimeProvider.System, Keys = new KeyRing([Key]) });
        service.Attach(new SerialLinkPort(line.SlavePath, 115_200));
        var signer = new TelecommandSigner(Key, 1);
        var noise = new Random(5);

        for (int i = 0; i < 20; i++)
        {
            var junk = new byte[noise.Next(1, 40)];
            noise.NextBytes(junk);
            junk.AsSpan().Replace(FrameEncoder.SyncMarker[0], (byte)0);
            line.Master.Write(junk);
            line.Master.Write(FrameEncoder.Frame(signer.Sign(LinkApids.Flight, LinkServices.FunctionManagement, LinkServices.PerformFunction, FlightCommandCodec.Encode(CommandRequest.Of("CMD_NOOP", i.ToString(System.Globalization.CultureInfo.InvariantCulture))), out _, out _)));
        }

        line.Master.Flush();
        var taken = new List<string>();
        SpinWait.SpinUntil(
            () =>
            {
                while (service.TryTakeCommand(out var command))
                {
                    taken.Add(command.Request.Arguments[0]);
                }

                return taken.Count >= 20;
            },
            TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(taken, Is.EqualTo(Enumerable.Range(0, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))), "every command, in order");
            Assert.That(service.Counters.NoiseBytes, Is.GreaterThan(0));
            Assert.That(service.Counters.TelecommandsRefusedTotal, Is.Zero);
        });
    }

    [Test]
    public void Write_LinkStatusOnAttach_ArrivesFramedOnTheLine()
    {
        using var line = PseudoTerminal.Open();
        using var service = new LinkService(new LinkServiceOptions { NodeName = "serial-node", BoardName = "b", BoardTime = TimeProvider.System });

        service.Attach(new SerialLinkPort(line.SlavePath, 115_200));

        var decoder = new FrameDecoder();
        var frames = new List<DecodedFrame>();
        var buffer = new byte[512];
        var read = Task.Run(() =>
        {
            while (frames.Count == 0)
            {
                int n = line.Master.Read(buffer);
                decoder.Push(buffer.AsSpan(0, n), frames);
            }
        });
        Assert.That(read.Wait(TimeSpan.FromSeconds(10)), "nothing arrived on the line");
        Assert.That(TelemetryPacket.TryDecode(frames[0].Packet!, out var packet, out string reason), reason);
        Assert.That(LinkStatusReport.Decode(packet.ApplicationData.Span).Node, Is.EqualTo("serial-node"));
    }

    [Test]
    public void Constructor_NoSuchDevice_RefusedNamingTheDevice()
    {
        var error = Assert.Throws<IOException>(() => new SerialLinkPort("/dev/flightsw-no-such-tty", 115_200));
        Assert.That(error!.Message, Does.Contain("/dev/flightsw-no-such-tty"));
    }
}
