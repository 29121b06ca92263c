using FlightSw.Link.Security;

namespace FlightSw.Link.Tests.Security;

public class KeyRingTests
{
    private const string SecretA = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private const string SecretB = "FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100";

    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("keyring-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void LoadFile_KeysCommentsAndBlankLines_LoadsTheKeys()
    {
        string path = Write($"# ground keys\n\n2 {SecretB}   # backup\n  1 {SecretA}\n");

        var ring = KeyRing.LoadFile(path);

        Assert.That(ring.Keys.Select(k => k.Id), Is.EqualTo(new ushort[] { 1, 2 }));
        Assert.That(ring.Find(1)!.Secret, Is.EqualTo(Convert.FromHexString(SecretA)));
        Assert.That(ring.Find(2)!.Secret, Is.EqualTo(Convert.FromHexString(SecretB)));
        Assert.That(ring.Find(3), Is.Null);
        Assert.That(ring.IsEmpty, Is.False);
    }

    [TestCase("1\n", "line 1", "found 1 field")]
    [TestCase("# c\nx " + SecretA + "\n", "line 2", "'x' is not a number")]
    [TestCase("0 " + SecretA + "\n", "line 1", "development key")]
    [TestCase("1 abcd\n", "line 1", "4 hex digits, not 64")]
    [TestCase("1 " + SecretA + " extra\n", "line 1", "found 3 field")]
    [TestCase("1 zz0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n", "line 1", "not hexadecimal")]
    [TestCase("1 " + SecretA + "\n\n1 " + SecretB + "\n", "line 3", "already given on line 1")]
    [TestCase("70000 " + SecretA + "\n", "line 1", "not a number from 1 to 65535")]
    public void LoadFile_BadLine_ThrowsNamingFileLineAndReason(string content, string line, string reason)
    {
        string path = Write(content);

        Assert.That(
            () => KeyRing.LoadFile(path),
            Throws.TypeOf<KeyFileException>().With.Message.Contain(path + " " + line).And.Message.Contain(reason));
    }

    [Test]
    public void LoadFile_NoKeys_Throws()
    {
        string path = Write("# nothing\n\n");
        Assert.That(() => KeyRing.LoadFile(path), Throws.TypeOf<KeyFileException>().With.Message.Contain("holds no key"));
    }

    [Test]
    public void LoadFile_MissingFile_ThrowsNamingIt()
    {
        string path = Path.Combine(_directory, "absent.keys");
        Assert.That(() => KeyRing.LoadFile(path), Throws.TypeOf<KeyFileException>().With.Message.Contain(path).And.Message.Contain("does not exist"));
    }

    [Test]
    public void LoadFile_WorldReadableFile_ThrowsGivingModeAndChmod()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only");
            return;
        }

        string path = Write($"1 {SecretA}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Assert.That(
            () => KeyRing.LoadFile(path),
            Throws.TypeOf<KeyFileException>().With.Message.Contain("mode 0644").And.Message.Contain("chmod 600 " + path));
    }

    [Test]
    public void LoadFile_GroupWritableFile_Throws()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only");
            return;
        }

        string path = Write($"1 {SecretA}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite);

        Assert.That(() => KeyRing.LoadFile(path), Throws.TypeOf<KeyFileException>().With.Message.Contain("mode 0620"));
    }

    [Test]
    public void WriteNew_ThenLoadFile_GivesOneRandomKeyInAPrivateFile()
    {
        string first = Path.Combine(_directory, "a.keys");
        string second = Path.Combine(_directory, "b.keys");

        KeyRing.WriteNew(first, 9);
        KeyRing.WriteNew(second, 9);

        var a = KeyRing.LoadFile(first);
        var b = KeyRing.LoadFile(second);
        Assert.That(a.Keys.Single().Id, Is.EqualTo(9));
        Assert.That(a.Keys.Single().Secret, Is.Not.EqualTo(b.Keys.Single().Secret));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(first), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    public void WriteNew_ExistingFileOrIdZero_Throws()
    {
        string path = Write($"1 {SecretA}\n");
        Assert.That(() => KeyRing.WriteNew(path, 2), Throws.InstanceOf<IOException>());
        Assert.That(KeyRing.LoadFile(path).Keys.Single().Id, Is.EqualTo(1), "the existing key is kept");
        Assert.That(() => KeyRing.WriteNew(Path.Combine(_directory, "z.keys"), 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_DuplicateIds_Throws() =>
        Assert.That(() => new KeyRing([new LinkKey(1, new byte[32]), new LinkKey(1, new byte[32])]), Throws.ArgumentException.With.Message.Contain("Key id 1"));

    [Test]
    public void Empty_HasNoKeys() => Assert.That(KeyRing.Empty.IsEmpty, Is.True);

    private string Write(string content)
    {
        string path = Path.Combine(_directory, $"{Guid.NewGuid():N}.keys");
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }
}
