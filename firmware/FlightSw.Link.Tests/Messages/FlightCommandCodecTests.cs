using FlightSw.Core.Commands;
using FlightSw.Link.Messages;

namespace FlightSw.Link.Tests.Messages;

public class FlightCommandCodecTests
{
    [Test]
    public void TryDecode_EncodedRequest_GivesItBack()
    {
        var request = CommandRequest.Of("PRM_SET", "scrub.period", "2.5", "");

        Assert.That(FlightCommandCodec.TryDecode(FlightCommandCodec.Encode(request), out var decoded, out string reason), Is.True, reason);
        Assert.That(decoded.Command, Is.EqualTo("PRM_SET"));
        Assert.That(decoded.Arguments, Is.EqualTo(request.Arguments));
    }

    [Test]
    public void Encode_Layout_IsLengthPrefixedNameCountAndArguments() =>
        Assert.That(FlightCommandCodec.Encode(CommandRequest.Of("NOOP", "1")), Is.EqualTo(new byte[] { 4, (byte)'N', (byte)'O', (byte)'O', (byte)'P', 1, 1, (byte)'1' }));

    [Test]
    public void Encode_NoArguments_RoundTrips()
    {
        Assert.That(FlightCommandCodec.TryDecode(FlightCommandCodec.Encode(CommandRequest.Of("NOOP")), out var decoded, out _), Is.True);
        Assert.That(decoded.Arguments, Is.Empty);
    }

    [Test]
    public void Encode_UncarriableRequests_ThrowArgumentException()
    {
        Assert.That(() => FlightCommandCodec.Encode(CommandRequest.Of("")), Throws.ArgumentException);
        Assert.That(() => FlightCommandCodec.Encode(CommandRequest.Of(new string('A', 256))), Throws.ArgumentException.With.Message.Contain("255"));
        Assert.That(() => FlightCommandCodec.Encode(CommandRequest.Of("SET", "é")), Throws.ArgumentException.With.Message.Contain("ASCII"));
        Assert.That(() => FlightCommandCodec.Encode(CommandRequest.Of("SET", Enumerable.Repeat("1", 256).ToArray())), Throws.ArgumentException);
    }

    [Test]
    public void TryDecode_EveryTruncation_RefusedWithAReason()
    {
        byte[] data = FlightCommandCodec.Encode(CommandRequest.Of("PRM_SET", "a", "bc"));
        for (int length = 0; length < data.Length; length++)
        {
            Assert.That(FlightCommandCodec.TryDecode(data.AsSpan(0, length), out _, out string reason), Is.False, $"length {length}");
            Assert.That(reason, Does.StartWith("flight command:"));
        }
    }

    [Test]
    public void TryDecode_EmptyNameNonAsciiOrTrailingBytes_Refused()
    {
        Assert.That(FlightCommandCodec.TryDecode([0, 0], out _, out string empty), Is.False);
        Assert.That(empty, Does.Contain("empty"));
        Assert.That(FlightCommandCodec.TryDecode([1, 0xC3, 0], out _, out string ascii), Is.False);
        Assert.That(ascii, Does.Contain("not ASCII"));
        Assert.That(FlightCommandCodec.TryDecode([1, (byte)'A', 0, 9], out _, out string trailing), Is.False);
        Assert.That(trailing, Does.Contain("unexpected"));
    }
}
