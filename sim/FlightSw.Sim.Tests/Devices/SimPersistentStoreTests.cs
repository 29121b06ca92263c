using FlightSw.Hal;
using FlightSw.Sim.Devices;

namespace FlightSw.Sim.Tests.Devices;

public class SimPersistentStoreTests
{
    [Test]
    public void Constructor_NewStore_IsEmpty()
    {
        var store = new SimPersistentStore();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Keys, Is.Empty);
            Assert.That(store.Writes, Is.Zero);
        }
    }

    [Test]
    public void TryRead_AfterWrite_ReturnsTheBytesWritten()
    {
        var store = new SimPersistentStore();

        store.Write("boot.count", new byte[] { 1, 2, 3 });
        bool found = store.TryRead("boot.count", out var value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.True);
            Assert.That(value, Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(store.Writes, Is.EqualTo(1));
        }
    }

    [Test]
    public void TryRead_MissingRecord_ReturnsFalseAndAnEmptyValue()
    {
        var store = new SimPersistentStore();

        bool found = store.TryRead("missing", out var value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.False);
            Assert.That(value, Is.Empty);
        }
    }

    [Test]
    public void Write_EmptyValue_IsStoredAsAnEmptyRecord()
    {
        var store = new SimPersistentStore();

        store.Write("flag", ReadOnlySpan<byte>.Empty);
        bool found = store.TryRead("flag", out var value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.True);
            Assert.That(value, Is.Empty);
            Assert.That(store.Keys, Is.EqualTo(new[] { "flag" }));
        }
    }

    [Test]
    public void Write_CallerChangesItsArrayAfterwards_StoredBytesDoNotChange()
    {
        var store = new SimPersistentStore();
        byte[] source = [10, 20, 30];

        store.Write("mode", source);
        source[0] = 99;
        store.TryRead("mode", out var value);

        Assert.That(value, Is.EqualTo(new byte[] { 10, 20, 30 }));
    }

    [Test]
    public void TryRead_CallerChangesTheReturnedArray_StoredBytesDoNotChange()
    {
        var store = new SimPersistentStore();
        store.Write("mode", new byte[] { 10, 20, 30 });

        store.TryRead("mode", out var first);
        first[1] = 0;
        store.TryRead("mode", out var second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(new byte[] { 10, 20, 30 }));
            Assert.That(second, Is.Not.SameAs(first));
        }
    }

    [Test]
    public void Write_SameKeyTwice_ReplacesTheWholeRecord()
    {
        var store = new SimPersistentStore();
        store.Write("config", new byte[] { 1, 2, 3, 4, 5 });

        store.Write("config", new byte[] { 9 });
        store.TryRead("config", out var value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(value, Is.EqualTo(new byte[] { 9 }));
            Assert.That(store.Keys, Is.EqualTo(new[] { "config" }));
            Assert.That(store.Writes, Is.EqualTo(2));
        }
    }

    [Test]
    public void Keys_WrittenInAnyOrder_AreListedInOrdinalOrder()
    {
        var store = new SimPersistentStore();
        foreach (string key in new[] { "b", "B", "a", "_x", "1", "a.2", "a-1" })
        {
            store.Write(key, new byte[] { 0 });
        }

        Assert.That(store.Keys, Is.EqualTo(new[] { "1", "B", "_x", "a", "a-1", "a.2", "b" }));
    }

    [Test]
    public void Keys_ReturnedList_IsASnapshot()
    {
        var store = new SimPersistentStore();
        store.Write("a", new byte[] { 0 });

        var keys = store.Keys;
        store.Write("b", new byte[] { 0 });

        Assert.That(keys, Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void Delete_ExistingRecord_RemovesItAndReturnsTrue()
    {
        var store = new SimPersistentStore();
        store.Write("a", new byte[] { 1 });
        store.Write("b", new byte[] { 2 });

        bool deleted = store.Delete("a");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.True);
            Assert.That(store.TryRead("a", out _), Is.False);
            Assert.That(store.Keys, Is.EqualTo(new[] { "b" }));
        }
    }

    [Test]
    public void Delete_MissingRecord_ReturnsFalse()
    {
        var store = new SimPersistentStore();

        Assert.That(store.Delete("never-written"), Is.False);
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("dir/file")]
    [TestCase("..\\up")]
    [TestCase("caf\u00e9")]
    [TestCase("tab\t")]
    public void Write_InvalidKey_ThrowsArgumentExceptionNamingTheKeyParameter(string key)
    {
        var store = new SimPersistentStore();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => store.Write(key, new byte[] { 1 }), Throws.ArgumentException.With.Property("ParamName").EqualTo("key"));
            Assert.That(() => store.TryRead(key, out _), Throws.ArgumentException.With.Property("ParamName").EqualTo("key"));
            Assert.That(() => store.Delete(key), Throws.ArgumentException.With.Property("ParamName").EqualTo("key"));
            Assert.That(store.Keys, Is.Empty);
            Assert.That(store.Writes, Is.Zero);
        }
    }

    [Test]
    public void Write_KeyLongerThanTheLimit_ThrowsArgumentException()
    {
        var store = new SimPersistentStore();
        string tooLong = new('k', PersistentStoreKey.MaxLength + 1);

        Assert.That(() => store.Write(tooLong, new byte[] { 1 }), Throws.ArgumentException.With.Message.Contains("64"));
    }

    [Test]
    public void Write_KeyAtTheLengthLimit_IsAccepted()
    {
        var store = new SimPersistentStore();
        string longest = new('k', PersistentStoreKey.MaxLength);

        store.Write(longest, new byte[] { 7 });

        Assert.That(store.TryRead(longest, out var value) ? value : null, Is.EqualTo(new byte[] { 7 }));
    }

    [Test]
    public void Write_NullKey_ThrowsArgumentNullException()
    {
        var store = new SimPersistentStore();

        Assert.That(() => store.Write(null!, new byte[] { 1 }), Throws.ArgumentNullException);
    }

    [Test]
    public void Constructor_NewStore_IsPoweredWithNothingTornOrDropped()
    {
        var store = new SimPersistentStore(new Random(0));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.IsPowered, Is.True);
            Assert.That(store.TornWrites, Is.Empty);
            Assert.That(store.DroppedWrites, Is.Zero);
        }
    }

    [Test]
    public void ArmPowerLoss_WriteOverALongerValue_MediumHoldsTheKeptBytesThenTheOldOnesUpToTheNewLength()
    {
        var store = new SimPersistentStore(new Random(0));
        store.Write("rec", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });

        store.ArmPowerLoss(keepBytes: 2);
        store.Write("rec", new byte[] { 11, 12, 13, 14, 15 });

        Assert.That(store.TryRead("rec", out var medium) ? medium : null, Is.EqualTo(new byte[] { 11, 12, 3, 4, 5 }));
    }

    [Test]
    public void ArmPowerLoss_WriteOverAShorterValue_OldBytesOnlyWhereTheOldValueHadThem()
    {
        var store = new SimPersistentStore(new Random(0));
        store.Write("rec", new byte[] { 1, 2, 3 });

        store.ArmPowerLoss(keepBytes: 1);
        store.Write("rec", new byte[] { 11, 12, 13, 14, 15, 16 });

        Assert.That(store.TryRead("rec", out var medium) ? medium : null, Is.EqualTo(new byte[] { 11, 2, 3 }));
    }

    [Test]
    public void ArmPowerLoss_KeptBytesBeyondTheOldValue_MediumHoldsJustTheKeptBytes()
    {
        var store = new SimPersistentStore(new Random(0));
        store.Write("rec", new byte[] { 1, 2 });

        store.ArmPowerLoss(keepBytes: 4);
        store.Write("rec", new byte[] { 11, 12, 13, 14, 15, 16 });

        Assert.That(store.TryRead("rec", out var medium) ? medium : null, Is.EqualTo(new byte[] { 11, 12, 13, 14 }));
    }

    [TestCase(0)]
    [TestCase(3)]
    public void ArmPowerLoss_WriteOfANewKey_MediumHoldsJustTheKeptBytes(int keep)
    {
        var store = new SimPersistentStore(new Random(0));

        store.ArmPowerLoss(keep);
        store.Write("rec", new byte[] { 11, 12, 13, 14, 15 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.TryRead("rec", out var medium) ? medium : null, Is.EqualTo(new byte[] { 11, 12, 13, 14, 15 }.Take(keep)));
            Assert.That(store.TornWrites.Single(), Is.EqualTo(new TornWrite("rec", keep, 5, 0, 1)));
        }
    }

    [Test]
    public void ArmPowerLoss_KeepBytesAtLeastTheNewLength_KeepsTheWholeValueButStillPowersDown()
    {
        var store = new SimPersistentStore(new Random(0));
        store.Write("rec", new byte[] { 1, 2, 3, 4 });

        store.ArmPowerLoss(keepBytes: 100);
        store.Write("rec", new byte[] { 11, 12 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.TryRead("rec", out var medium) ? medium : null, Is.EqualTo(new byte[] { 11, 12 }));
            Assert.That(store.IsPowered, Is.False);
            Assert.That(store.TornWrites.Single().KeptBytes, Is.EqualTo(2));
        }
    }

    [Test]
    public void ArmPowerLoss_NegativeKeepBytes_ThrowsArgumentOutOfRange()
    {
        var store = new SimPersistentStore(new Random(0));

        Assert.That(() => store.ArmPowerLoss(-1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("keepBytes"));
    }

    [Test]
    public void Write_Torn_PowersDownThenRaisesWriteTornWithTheBytesAlreadyStored()
    {
        var store = new SimPersistentStore(new Random(0));
        store.Write("other", new byte[] { 9 });
        store.Write("rec", new byte[] { 1, 2, 3, 4 });
        (TornWrite Torn, bool Powered, byte[] Medium)? seen = null;
        store.WriteTorn += torn => seen = (torn, store.IsPowered, store.TryRead("rec", out var medium) ? medium : []);

        store.ArmPowerLoss(keepBytes: 1);
        store.Write("rec", new byte[] { 11, 12, 13 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen?.Torn, Is.EqualTo(new TornWrite("rec", 1, 3, 4, 3)));
            Assert.That(seen?.Powered, Is.False);
            Assert.That(seen?.Medium, Is.EqualTo(new byte[] { 11, 2, 3 }));
            Assert.That(store.TornWrites, Is.EqualTo(new[] { seen?.Torn }));
            Assert.That(store.Writes, Is.EqualTo(2), "a torn write is not a completed one");
        }
    }

    [Test]
    public void Write_WhilePoweredDown_WritesAndDeletesAreDroppedAndCountedButReadsWork()
    {
        var store = new SimPersistentStore(new Random(0));
        store.Write("kept", new byte[] { 1 });

        store.PowerDown();
        store.Write("kept", new byte[] { 2 });
        store.Write("new", new byte[] { 3 });
        bool deleted = store.Delete("kept");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.IsPowered, Is.False);
            Assert.That(deleted, Is.False);
            Assert.That(store.DroppedWrites, Is.EqualTo(3));
            Assert.That(store.Writes, Is.EqualTo(1));
            Assert.That(store.Keys, Is.EqualTo(new[] { "kept" }));
            Assert.That(store.TryRead("kept", out var value) ? value : null, Is.EqualTo(new byte[] { 1 }));
        }
    }

    [Test]
    public void PowerUp_AfterATornWrite_WritesReachTheMediumAgainAndOnlyTheArmedWriteWasTorn()
    {
        var store = new SimPersistentStore(new Random(0));
        store.ArmPowerLoss(keepBytes: 0);
        store.Write("rec", new byte[] { 1, 2 });
        store.Write("rec", new byte[] { 3, 4 }); // the dying software's last gasp

        store.PowerUp();
        store.Write("rec", new byte[] { 5, 6 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.IsPowered, Is.True);
            Assert.That(store.TryRead("rec", out var value) ? value : null, Is.EqualTo(new byte[] { 5, 6 }));
            Assert.That(store.DroppedWrites, Is.EqualTo(1));
            Assert.That(store.TornWrites, Has.Count.EqualTo(1));
            Assert.That(store.Writes, Is.EqualTo(1));
        }
    }

    [Test]
    public void ArmPowerLoss_DeleteBeforeTheNextWrite_DeleteIsNotTornAndTheWriteIs()
    {
        var store = new SimPersistentStore(new Random(0));
        store.Write("a", new byte[] { 1 });
        store.ArmPowerLoss(keepBytes: 0);

        bool deleted = store.Delete("a");
        store.Write("b", new byte[] { 2, 3 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.True);
            Assert.That(store.TornWrites.Single().Key, Is.EqualTo("b"));
            Assert.That(store.Keys, Is.EqualTo(new[] { "b" }));
        }
    }

    [Test]
    public void ArmPowerLoss_RandomTearPoints_AreInsideTheNewValueAndTheSameForTheSameSeed()
    {
        static IReadOnlyList<TornWrite> TearMany(int seed)
        {
            var store = new SimPersistentStore(new Random(seed));
            for (int i = 1; i <= 200; i++)
            {
                store.ArmPowerLoss();
                store.Write("rec", new byte[i % 37 + 1]);
                store.PowerUp();
            }

            return store.TornWrites;
        }

        var first = TearMany(seed: 42);
        var again = TearMany(seed: 42);
        var other = TearMany(seed: 43);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Has.Count.EqualTo(200));
            Assert.That(first.Select(t => t.KeptBytes), Is.EqualTo(again.Select(t => t.KeptBytes)));
            Assert.That(first.Select(t => t.KeptBytes), Is.Not.EqualTo(other.Select(t => t.KeptBytes)));
            Assert.That(first.All(t => t.KeptBytes >= 0 && t.KeptBytes < t.NewLength), Is.True);
            Assert.That(first.Select(t => t.WriteNumber), Is.EqualTo(Enumerable.Range(1, 200).Select(n => (long)n)));
        }
    }

    [Test]
    public void Store_WarmResetWatchdogAndPowerCycle_KeepsEveryRecord()
    {
        using var hardware = new SimHardware(SimBoardFile.Definition, seed: 1);
        var board = SimBoardFile.PowerOnAndBoot(hardware);
        board.PersistentStore.Write("mission.phase", new byte[] { 3 });
        board.PersistentStore.Write("boot.log", new byte[] { 0xAA, 0xBB });

        foreach (var cause in new[] { ResetCause.CommandedWarmReset, ResetCause.Watchdog, ResetCause.CommandedPowerCycle })
        {
            hardware.RequestReset(cause, "test");
            board = SimBoardFile.RunUntilBooted(hardware, board);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(board.BootNumber, Is.EqualTo(4));
            Assert.That(board.PersistentStore.Keys, Is.EqualTo(new[] { "boot.log", "mission.phase" }));
            Assert.That(board.PersistentStore.TryRead("mission.phase", out var phase) ? phase : null, Is.EqualTo(new byte[] { 3 }));
            Assert.That(board.PersistentStore.TryRead("boot.log", out var log) ? log : null, Is.EqualTo(new byte[] { 0xAA, 0xBB }));
        }
    }
}
