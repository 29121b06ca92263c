using System.Buffers.Binary;
using FlightSw.Core.Storage;
using FlightSw.Hal;
using FlightSw.Sim.Devices;

namespace FlightSw.Core.Tests.Storage;

public class DurableRecordStoreTests
{
    private const string Name = "rec";
    private const string KeyA = "rec.a";
    private const string KeyB = "rec.b";

    private static readonly byte[] Old = [0x10, 0x11, 0x12, 0x13, 0x14, 0x15];
    private static readonly byte[] New = [0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28];

    /// <summary>A copy of every record of <paramref name="store"/> in a fresh, untorn store.</summary>
    private static SimPersistentStore Copy(SimPersistentStore store)
    {
        var copy = new SimPersistentStore(new Random(0));
        foreach (string key in store.Keys)
        {
            store.TryRead(key, out var value);
            copy.Write(key, value);
        }

        return copy;
    }

    /// <summary>The bytes a complete write of <paramref name="payload"/> would leave under <paramref name="key"/>.</summary>
    private static byte[] CompleteCopy(SimPersistentStore before, string key, byte[] payload)
    {
        var untorn = Copy(before);
        new DurableRecordStore(untorn).Write(Name, payload);
        untorn.TryRead(key, out var bytes);
        return bytes;
    }

    private static byte[] Raw(IPersistentStore store, string key) => store.TryRead(key, out var bytes) ? bytes : throw new AssertionException($"{key} is not stored");

    private static void Corrupt(IPersistentStore store, string key, int offset)
    {
        var bytes = Raw(store, key);
        bytes[offset] ^= 0x04;
        store.Write(key, bytes);
    }

    private static ulong SequenceIn(IPersistentStore store, string key) => BinaryPrimitives.ReadUInt64LittleEndian(Raw(store, key).AsSpan(1));

    [Test]
    public void Constructor_NullStore_ThrowsArgumentNullException()
    {
        Assert.That(() => new DurableRecordStore(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Read_NothingStored_NotFoundWithSequenceZeroAndNoRefusals()
    {
        var records = new DurableRecordStore(new SimPersistentStore(new Random(0)));

        var read = records.Read(Name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Found, Is.False);
            Assert.That(read.Payload, Is.Empty);
            Assert.That(read.Sequence, Is.Zero);
            Assert.That(read.Refused, Is.Empty);
            Assert.That(records.TryRead(Name, out var payload), Is.False);
            Assert.That(payload, Is.Empty);
        }
    }

    [Test]
    public void Write_FirstValue_GoesToSlotAWithSequenceOneAndReadsBack()
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);

        records.Write(Name, New);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Keys, Is.EqualTo(new[] { KeyA }));
            Assert.That(Raw(store, KeyA), Is.EqualTo(DurableCopy.Encode(1, New)));
            Assert.That(records.Read(Name) is { Found: true, Sequence: 1, Refused.Count: 0 }, Is.True);
            Assert.That(records.TryRead(Name, out var payload) ? payload : null, Is.EqualTo(New));
        }
    }

    [Test]
    public void Write_Repeatedly_AlternatesSlotsWithGrowingSequencesAndNeverTouchesTheNewestCopy()
    {
        var store = new InterruptibleStore(new SimPersistentStore(new Random(0)));
        var records = new DurableRecordStore(store);
        var sequences = new List<ulong>();

        for (byte value = 1; value <= 5; value++)
        {
            records.Write(Name, [value]);
            sequences.Add(records.Read(Name).Sequence);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Log, Is.EqualTo(new[] { "write rec.a", "write rec.b", "write rec.a", "write rec.b", "write rec.a" }));
            Assert.That(sequences, Is.EqualTo(new ulong[] { 1, 2, 3, 4, 5 }));
            Assert.That(SequenceIn(store, KeyA), Is.EqualTo(5UL));
            Assert.That(SequenceIn(store, KeyB), Is.EqualTo(4UL));
            Assert.That(records.TryRead(Name, out var payload) ? payload : null, Is.EqualTo(new byte[] { 5 }));
        }
    }

    [Test]
    public void Read_NewestCopyCorrupt_FallsBackToTheOlderAndReportsTheCorruptOne()
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);
        records.Write(Name, Old);
        records.Write(Name, New);
        Corrupt(store, KeyB, offset: 15);

        var read = records.Read(Name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Found, Is.True);
            Assert.That(read.Payload, Is.EqualTo(Old));
            Assert.That(read.Sequence, Is.EqualTo(1UL));
            Assert.That(read.Refused, Has.Count.EqualTo(1));
            Assert.That(read.Refused[0], Does.Match(@"^rec\.b: CRC-32C mismatch \(stored 0x[0-9A-F]{8}, computed 0x[0-9A-F]{8}\)$"));
        }
    }

    [Test]
    public void Read_OlderCopyCorrupt_ReturnsTheNewestAndReportsTheOlder()
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);
        records.Write(Name, Old);
        records.Write(Name, New);
        Corrupt(store, KeyA, offset: 3);

        var read = records.Read(Name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Payload, Is.EqualTo(New));
            Assert.That(read.Sequence, Is.EqualTo(2UL));
            Assert.That(read.Refused.Single(), Does.StartWith("rec.a: CRC-32C mismatch"));
        }
    }

    [Test]
    public void Write_AfterTheNewestCopyWasCorrupted_ReplacesTheCorruptCopyAndKeepsTheSoundOne()
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);
        records.Write(Name, Old);
        records.Write(Name, [0xEE]);
        Corrupt(store, KeyB, offset: 13);
        var soundBefore = Raw(store, KeyA);

        records.Write(Name, New);

        var read = records.Read(Name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Raw(store, KeyA), Is.EqualTo(soundBefore));
            Assert.That(read.Payload, Is.EqualTo(New));
            Assert.That(read.Sequence, Is.EqualTo(2UL), "one more than the newest sound copy");
            Assert.That(read.Refused, Is.Empty);
        }
    }

    [Test]
    public void Read_BothCopiesUnsound_NotFoundWithOneReasonForEach()
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);
        records.Write(Name, Old);
        records.Write(Name, New);
        store.Write(KeyA, new byte[] { 1, 2, 3 });
        Corrupt(store, KeyB, offset: 20);

        var read = records.Read(Name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Found, Is.False);
            Assert.That(read.Payload, Is.Empty);
            Assert.That(read.Sequence, Is.Zero);
            Assert.That(read.Refused, Has.Count.EqualTo(2));
            Assert.That(read.Refused[0], Is.EqualTo("rec.a: copy is 3 bytes long, shorter than the 17-byte minimum"));
            Assert.That(read.Refused[1], Does.StartWith("rec.b: CRC-32C mismatch (stored 0x"));
            Assert.That(records.TryRead(Name, out _), Is.False);
        }
    }

    [Test]
    public void Write_BothCopiesUnsound_StartsAgainInSlotAAtSequenceOne()
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);
        store.Write(KeyA, new byte[] { 1 });
        store.Write(KeyB, new byte[] { 2 });

        records.Write(Name, New);

        var read = records.Read(Name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Payload, Is.EqualTo(New));
            Assert.That(read.Sequence, Is.EqualTo(1UL));
            Assert.That(Raw(store, KeyB), Is.EqualTo(new byte[] { 2 }), "the other slot is not touched");
            Assert.That(read.Refused.Single(), Does.StartWith("rec.b: "));
        }
    }

    [Test]
    public void Write_StoreFails_ThrowsIOExceptionAndTheOldValueStillReads()
    {
        var store = new InterruptibleStore(new SimPersistentStore(new Random(0)));
        var records = new DurableRecordStore(store);
        records.Write(Name, Old);
        store.FailAfter = 1;

        Assert.That(() => records.Write(Name, New), Throws.InstanceOf<IOException>());
        Assert.That(records.TryRead(Name, out var payload) ? payload : null, Is.EqualTo(Old));
    }

    [Test]
    public void Write_TornAtEveryBytePosition_ReadReturnsTheOldValueUnlessTheCompleteNewCopyReachedTheMedium()
    {
        var wrong = new List<string>();
        int newLength = DurableCopy.Overhead + New.Length;
        int olderWon = 0;

        // Before the torn write slot A holds the older value (sequence 1) and slot B the newest
        // (sequence 2): the torn write of sequence 3 goes over slot A's older, shorter copy.
        for (int kept = 0; kept < newLength; kept++)
        {
            var store = new SimPersistentStore(new Random(0));
            var records = new DurableRecordStore(store);
            records.Write(Name, [0x01]);
            records.Write(Name, Old);
            var complete = CompleteCopy(store, KeyA, New);
            var newestBefore = Raw(store, KeyB);

            store.ArmPowerLoss(kept);
            records.Write(Name, New);
            store.PowerUp();

            bool completed = Raw(store, KeyA).AsSpan().SequenceEqual(complete);
            var expected = completed ? New : Old;
            var read = records.Read(Name);
            if (!read.Payload.AsSpan().SequenceEqual(expected) || !Raw(store, KeyB).AsSpan().SequenceEqual(newestBefore))
            {
                wrong.Add($"kept {kept}: read [{string.Join(",", read.Payload)}], refused {string.Join("; ", read.Refused)}");
            }

            olderWon += completed ? 0 : 1;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrong, Is.Empty);
            Assert.That(olderWon, Is.EqualTo(newLength), "with these values no torn write happens to leave the complete copy");
        }
    }

    [Test]
    public void Write_FirstWriteTornAtEveryBytePosition_NothingFoundAndTheTornCopyRefused()
    {
        var wrong = new List<int>();
        for (int kept = 0; kept < DurableCopy.Overhead + New.Length; kept++)
        {
            var store = new SimPersistentStore(new Random(0));
            var records = new DurableRecordStore(store);

            store.ArmPowerLoss(kept);
            records.Write(Name, New);
            store.PowerUp();

            var read = records.Read(Name);
            if (read.Found || read.Refused.Count != 1 || !read.Refused[0].StartsWith("rec.a: ", StringComparison.Ordinal))
            {
                wrong.Add(kept);
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Write_AfterATornWrite_NextWriteReplacesTheTornCopyAndBothCopiesAreSound()
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);
        records.Write(Name, Old);
        store.ArmPowerLoss(keepBytes: 12);
        records.Write(Name, [0xEE, 0xEE]);
        store.PowerUp();

        records.Write(Name, New);

        var read = records.Read(Name);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Payload, Is.EqualTo(New));
            Assert.That(read.Sequence, Is.EqualTo(2UL));
            Assert.That(read.Refused, Is.Empty);
            Assert.That(SequenceIn(store, KeyA), Is.EqualTo(1UL));
        }
    }

    [Test]
    public void Write_ThousandRandomTearsOfVaryingLengths_ReadsTheLastCompletedValueAndTheCounterNeverGoesBack()
    {
        var random = new Random(2024);
        var store = new SimPersistentStore(new Random(7));
        var records = new DurableRecordStore(store);
        var failures = new List<string>();
        byte[] lastCompleted = [];
        ulong counter = 0;
        ulong lastReadCounter = 0;
        int tears = 0;
        int tornButComplete = 0;

        while (tears < 1000)
        {
            // The payload: the counter, then 0 to 40 filler bytes, so that copies change length.
            var payload = new byte[8 + random.Next(41)];
            random.NextBytes(payload);
            BinaryPrimitives.WriteUInt64LittleEndian(payload, ++counter);
            bool tear = random.Next(3) == 0;
            var before = tear ? Copy(store) : null;
            if (tear)
            {
                store.ArmPowerLoss();
            }

            records.Write(Name, payload);
            if (before is not null)
            {
                tears++;
                var torn = store.TornWrites[^1];
                bool completed = Raw(store, torn.Key).AsSpan().SequenceEqual(CompleteCopy(before, torn.Key, payload));
                tornButComplete += completed ? 1 : 0;
                if (completed)
                {
                    lastCompleted = payload;
                }

                store.PowerUp();
            }
            else
            {
                lastCompleted = payload;
            }

            var read = records.Read(Name);
            ulong readCounter = read.Found ? BinaryPrimitives.ReadUInt64LittleEndian(read.Payload) : 0;
            if (!read.Payload.AsSpan().SequenceEqual(lastCompleted))
            {
                failures.Add($"write {counter}: read counter {readCounter}, expected the last completed value");
            }

            if (readCounter < lastReadCounter)
            {
                failures.Add($"write {counter}: counter went back from {lastReadCounter} to {readCounter}");
            }

            // After a power loss the software counts on from what it reads, as a boot would.
            (lastReadCounter, counter) = (readCounter, readCounter);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failures, Is.Empty);
            Assert.That(store.TornWrites, Has.Count.EqualTo(1000));
            Assert.That(store.TornWrites.Select(t => t.NewLength).Distinct().Count(), Is.GreaterThan(30), "the tears hit copies of many lengths");
            Assert.That(tornButComplete, Is.LessThan(10), "a torn write leaves the complete copy only when its missing tail equals the old bytes");
        }
    }

    [Test]
    public void Delete_BothCopies_RemovesBothAndReturnsTrue()
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);
        store.Write("other", new byte[] { 1 });
        records.Write(Name, Old);
        records.Write(Name, New);

        bool deleted = records.Delete(Name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.True);
            Assert.That(store.Keys, Is.EqualTo(new[] { "other" }));
            Assert.That(records.Read(Name).Found, Is.False);
        }
    }

    [Test]
    public void Delete_NothingStored_ReturnsFalse()
    {
        var records = new DurableRecordStore(new SimPersistentStore(new Random(0)));

        Assert.That(records.Delete(Name), Is.False);
    }

    [Test]
    public void Delete_OnlyAnUnsoundCopy_RemovesItAndReturnsTrue()
    {
        var store = new SimPersistentStore(new Random(0));
        store.Write(KeyB, new byte[] { 1, 2 });

        bool deleted = new DurableRecordStore(store).Delete(Name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.True);
            Assert.That(store.Keys, Is.Empty);
        }
    }

    [TestCase(1, "delete rec.a")]
    [TestCase(2, "delete rec.b")]
    public void Delete_CutShortAfterTheFirstCopy_StillReadsTheNewestValueNeverAnOlderOne(int writes, string firstDelete)
    {
        var store = new InterruptibleStore(new SimPersistentStore(new Random(0)));
        var records = new DurableRecordStore(store);
        records.Write(Name, Old);
        records.Write(Name, New);
        for (int extra = 2; extra < writes + 1; extra++)
        {
            records.Write(Name, New);
        }

        store.FailAfter = store.Log.Count + 1;
        Assert.That(() => records.Delete(Name), Throws.InstanceOf<IOException>());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Log[^1], Is.EqualTo(firstDelete), "the older copy goes first");
            Assert.That(records.TryRead(Name, out var payload) ? payload : null, Is.EqualTo(New));
        }
    }

    [Test]
    public void Write_AfterDelete_StartsAgainAtSequenceOne()
    {
        var records = new DurableRecordStore(new SimPersistentStore(new Random(0)));
        records.Write(Name, Old);
        records.Write(Name, Old);
        records.Delete(Name);

        records.Write(Name, New);

        var read = records.Read(Name);
        Assert.That((read.Payload, read.Sequence), Is.EqualTo((New, 1UL)));
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("dir/file")]
    [TestCase("caf\u00e9")]
    [TestCase("colon:")]
    public void Operations_InvalidName_ThrowArgumentExceptionNamingTheNameParameter(string name)
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => records.Read(name), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => records.TryRead(name, out _), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => records.Write(name, New), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => records.Delete(name), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
            Assert.That(store.Writes, Is.Zero);
        }
    }

    [Test]
    public void Write_NameLongerThanTheLimit_ThrowsArgumentExceptionSayingTheLimit()
    {
        var records = new DurableRecordStore(new SimPersistentStore(new Random(0)));

        Assert.That(() => records.Write(new string('n', DurableRecordStore.MaxNameLength + 1), New),
            Throws.ArgumentException.With.Message.StartWith("Durable record name must be 1 to 62 characters long (was 63)."));
    }

    [Test]
    public void Write_NameAtTheLimit_IsStoredUnderKeysThatFitTheStore()
    {
        var store = new SimPersistentStore(new Random(0));
        var records = new DurableRecordStore(store);
        string longest = new('n', DurableRecordStore.MaxNameLength);

        records.Write(longest, Old);
        records.Write(longest, New);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Keys, Is.EqualTo(new[] { longest + ".a", longest + ".b" }));
            Assert.That(store.Keys.Max(key => key.Length), Is.EqualTo(PersistentStoreKey.MaxLength));
            Assert.That(records.TryRead(longest, out var payload) ? payload : null, Is.EqualTo(New));
        }
    }

    [Test]
    public void Read_NullName_ThrowsArgumentNullException()
    {
        var records = new DurableRecordStore(new SimPersistentStore(new Random(0)));

        Assert.That(() => records.Read(null!), Throws.ArgumentNullException);
    }
}
