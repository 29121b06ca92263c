using System.Buffers.Binary;
using System.Text;
using FlightSw.Core.Storage;

namespace FlightSw.Core.Tests.Storage;

public class CheckedRecordTests
{
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("123456789");

    [Test]
    public void Wrap_Payload_IsVersionThenLittleEndianCrcThenPayload()
    {
        var record = CheckedRecord.Wrap(Payload);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record, Has.Length.EqualTo(5 + Payload.Length));
            Assert.That(record[0], Is.EqualTo(CheckedRecord.FormatVersion));
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(1)), Is.EqualTo(0xE3069283u));
            Assert.That(record[5..], Is.EqualTo(Payload));
        }
    }

    [Test]
    public void TryUnwrap_WrappedRecord_ReturnsThePayload()
    {
        bool ok = CheckedRecord.TryUnwrap(CheckedRecord.Wrap(Payload), out var payload, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(payload, Is.EqualTo(Payload));
            Assert.That(error, Is.Empty);
        }
    }

    [Test]
    public void TryUnwrap_EmptyPayload_RoundTrips()
    {
        bool ok = CheckedRecord.TryUnwrap(CheckedRecord.Wrap([]), out var payload, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(payload, Is.Empty);
        }
    }

    [Test]
    public void TryUnwrap_ShorterThanHeader_RefusedWithItsLength()
    {
        bool ok = CheckedRecord.TryUnwrap(new byte[] { 1, 2, 3 }, out var payload, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(payload, Is.Empty);
            Assert.That(error, Is.EqualTo("record is 3 bytes long, shorter than its 5-byte header"));
        }
    }

    [Test]
    public void TryUnwrap_OtherFormatVersion_Refused()
    {
        var record = CheckedRecord.Wrap(Payload);
        record[0] = 2;

        bool ok = CheckedRecord.TryUnwrap(record, out var payload, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(payload, Is.Empty);
            Assert.That(error, Is.EqualTo("record format version is 2, expected 1"));
        }
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(13)]
    public void TryUnwrap_OneByteCorrupted_RefusedAsCrcMismatch(int index)
    {
        var record = CheckedRecord.Wrap(Payload);
        record[index] ^= 0x10;

        bool ok = CheckedRecord.TryUnwrap(record, out var payload, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(payload, Is.Empty);
            Assert.That(error, Does.StartWith("CRC-32C mismatch (stored 0x"));
        }
    }

    [Test]
    public void TryUnwrap_PayloadTruncated_RefusedAsCrcMismatch()
    {
        var record = CheckedRecord.Wrap(Payload)[..^1];

        bool ok = CheckedRecord.TryUnwrap(record, out _, out string error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo($"CRC-32C mismatch (stored 0xE3069283, computed 0x{Crc32C.Compute(Payload[..^1]):X8})"));
        }
    }
}
