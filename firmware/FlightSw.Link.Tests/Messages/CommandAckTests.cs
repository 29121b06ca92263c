using FlightSw.Core.Commands;
using FlightSw.Link.Messages;
using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Messages;

public class CommandAckTests
{
    [Test]
    public void Decode_EncodedAck_GivesItBack()
    {
        var ack = new CommandAck(LinkServices.AcceptFailure, 0x1C10C005, 3, ulong.MaxValue - 1, (byte)LinkRefusal.BadMac, "the MAC does not match — key 3");

        var decoded = CommandAck.Decode(ack.Encode(), LinkServices.AcceptFailure);

        Assert.That(decoded, Is.EqualTo(ack));
    }

    [Test]
    public void Encode_Layout_IsRequestKeySequenceCodeMessage()
    {
        byte[] data = new CommandAck(LinkServices.CompleteSuccess, 0x01020304, 0x0506, 7, (byte)CommandStatus.Completed, "ok").Encode();

        Assert.That(data, Is.EqualTo(new byte[] { 1, 2, 3, 4, 5, 6, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 2, (byte)'o', (byte)'k' }));
    }

    [TestCase(LinkServices.AcceptSuccess, true, false)]
    [TestCase(LinkServices.AcceptFailure, true, true)]
    [TestCase(LinkServices.CompleteSuccess, false, false)]
    [TestCase(LinkServices.CompleteFailure, false, true)]
    public void Flags_BySubtype_SayAcceptanceAndFailure(byte subtype, bool acceptance, bool failure)
    {
        var ack = new CommandAck(subtype, 0, 0, 0, 0, "");
        Assert.That(ack.IsAcceptance, Is.EqualTo(acceptance));
        Assert.That(ack.IsFailure, Is.EqualTo(failure));
    }

    [Test]
    public void Decode_TruncatedOrLong_Throws()
    {
        byte[] data = new CommandAck(1, 1, 1, 1, 0, "abc").Encode();
        Assert.That(() => CommandAck.Decode(data.AsSpan(0, data.Length - 1), 1), Throws.TypeOf<LinkFormatException>().With.Message.Contain("message"));
        Assert.That(() => CommandAck.Decode([.. data, 0], 1), Throws.TypeOf<LinkFormatException>());
    }
}
