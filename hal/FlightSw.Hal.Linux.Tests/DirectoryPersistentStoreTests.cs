namespace FlightSw.Hal.Linux.Tests;

public class DirectoryPersistentStoreTests
{
    private TempDirectory _temp = null!;
    private string _directory = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _directory = _temp["store"];
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Constructor_MissingDirectory_CreatesIt()
    {
        var store = new DirectoryPersistentStore(_temp["a/b/store"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Directory.Exists(_temp["a/b/store"]), Is.True);
            Assert.That(store.Keys, Is.Empty);
        }
    }

    [Test]
    public void Write_ThenTryRead_ReturnsTheBytesFromTheKeysFile()
    {
        var store = new DirectoryPersistentStore(_directory);

        store.Write("boot.count", [1, 2, 3]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.TryRead("boot.count", out var value), Is.True);
            Assert.That(value, Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(File.ReadAllBytes(Path.Combine(_directory, "boot.count")), Is.EqualTo(new byte[] { 1, 2, 3 }));
        }
    }

    [Test]
    public void Write_ExistingRecord_ReplacesItWholeAndLeavesNoTempFile()
    {
        var store = new DirectoryPersistentStore(_directory);
        store.Write("p", [1, 2, 3, 4, 5]);

        store.Write("p", [9]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.TryRead("p", out var value), Is.True);
            Assert.That(value, Is.EqualTo(new byte[] { 9 }));
            Assert.That(Directory.GetFiles(_directory).Select(Path.GetFileName), Is.EqualTo(new[] { "p" }));
        }
    }

    [Test]
    public void Write_EmptyValue_ReadsBackEmpty()
    {
        var store = new DirectoryPersistentStore(_directory);

        store.Write("empty", []);

        Assert.That(store.TryRead("empty", out var value) && value.Length == 0, Is.True);
    }

    [Test]
    public void TryRead_NoSuchRecord_FalseAndEmpty()
    {
        var store = new DirectoryPersistentStore(_directory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.TryRead("missing", out var value), Is.False);
            Assert.That(value, Is.Empty);
        }
    }

    [Test]
    public void Delete_ExistingRecord_TrueAndGone()
    {
        var store = new DirectoryPersistentStore(_directory);
        store.Write("x", [1]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Delete("x"), Is.True);
            Assert.That(store.TryRead("x", out _), Is.False);
            Assert.That(store.Delete("x"), Is.False, "a second time there is nothing");
        }
    }

    [Test]
    public void Keys_RecordsAndForeignFiles_OnlyRecordsInOrdinalOrder()
    {
        var store = new DirectoryPersistentStore(_directory);
        store.Write("b", [1]);
        store.Write("B", [1]);
        store.Write("a.1", [1]);
        File.WriteAllText(Path.Combine(_directory, "notes~"), "an editor's backup");
        File.WriteAllText(Path.Combine(_directory, "has space"), "not a key");
        Directory.CreateDirectory(Path.Combine(_directory, "lost+found"));

        Assert.That(store.Keys, Is.EqualTo(new[] { "B", "a.1", "b" }));
    }

    [Test]
    public void Write_KeyEndingInTmp_IsItsOwnRecordBesideTheRecordItsNameStartsWith()
    {
        var store = new DirectoryPersistentStore(_directory);

        store.Write("x", [1]);
        store.Write("x.tmp", [2]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Keys, Is.EqualTo(new[] { "x", "x.tmp" }));
            Assert.That(store.TryRead("x", out var x) ? x : null, Is.EqualTo(new byte[] { 1 }));
            Assert.That(store.TryRead("x.tmp", out var tmp) ? tmp : null, Is.EqualTo(new byte[] { 2 }));
        }
    }

    [Test]
    public void Constructor_TruncatedTempBesideTheRecord_OldValueStaysAndTheTempIsDeleted()
    {
        // A power loss in the middle of a write: the new value only half in the temporary file.
        new DirectoryPersistentStore(_directory).Write("count", [7, 7, 7, 7]);
        File.WriteAllBytes(Path.Combine(_directory, "count" + DirectoryPersistentStore.TempSuffix), [8, 8]);

        var reopened = new DirectoryPersistentStore(_directory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reopened.TryRead("count", out var value), Is.True);
            Assert.That(value, Is.EqualTo(new byte[] { 7, 7, 7, 7 }));
            Assert.That(reopened.Keys, Is.EqualTo(new[] { "count" }));
            Assert.That(File.Exists(Path.Combine(_directory, "count" + DirectoryPersistentStore.TempSuffix)), Is.False);
        }
    }

    [Test]
    public void Constructor_LeftoverTempOfANewRecord_RecordDoesNotExist()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(Path.Combine(_directory, "fresh" + DirectoryPersistentStore.TempSuffix), [1, 2, 3]);

        var store = new DirectoryPersistentStore(_directory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.TryRead("fresh", out _), Is.False);
            Assert.That(store.Keys, Is.Empty);
            Assert.That(Directory.GetFiles(_directory), Is.Empty);
        }
    }

    [Test]
    public void Records_NewInstanceOnTheSameDirectory_SurviveLikeAcrossAReset()
    {
        new DirectoryPersistentStore(_directory).Write("param.gain", [4, 2]);

        var afterReset = new DirectoryPersistentStore(_directory);

        Assert.That(afterReset.TryRead("param.gain", out var value) ? value : null, Is.EqualTo(new byte[] { 4, 2 }));
    }

    [TestCase("")]
    [TestCase("../escape")]
    [TestCase("a/b")]
    [TestCase("x.tmp~")]
    public void EveryMethod_InvalidKey_ThrowsArgumentException(string key)
    {
        var store = new DirectoryPersistentStore(_directory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => store.Write(key, [1]), Throws.ArgumentException);
            Assert.That(() => store.TryRead(key, out _), Throws.ArgumentException);
            Assert.That(() => store.Delete(key), Throws.ArgumentException);
        }

        Assert.That(Directory.GetFileSystemEntries(_temp.Path), Is.EqualTo(new[] { _directory }), "nothing written anywhere");
    }
}
