using System.Runtime.Versioning;

namespace FlightSw.Hal.Linux.Tests;

public class LinuxDeviceCheckTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        foreach (string device in new[] { "gpiochip0", "i2c-1", "watchdog" })
        {
            _temp.CreateFile("dev/" + device);
        }
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Find_EverythingThere_NoProblem()
    {
        Assert.That(Find(_temp["store"]), Is.Empty);
    }

    [Test]
    public void Find_StorageMissingButCreatable_NoProblemAndCreatesNothing()
    {
        var problems = Find(_temp["var/lib/flightsw"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(Directory.Exists(_temp["var"]), Is.False);
        }
    }

    [Test]
    public void Find_StorageIsAFile_SaysSo()
    {
        string file = _temp.CreateFile("store");

        Assert.That(Find(file).Single().Problem, Is.EqualTo("is a file, not a directory"));
    }

    [Test]
    [SupportedOSPlatform("linux")]
    public void Find_StorageNotWritable_SaysSo()
    {
        Assume.That(Environment.IsPrivilegedProcess, Is.False, "root may write anywhere");
        Directory.CreateDirectory(_temp["store"]);
        File.SetUnixFileMode(_temp["store"], UnixFileMode.UserRead | UnixFileMode.UserExecute);

        Assert.That(Find(_temp["store"]).Single().Problem, Does.StartWith("is not writable by user"));
    }

    private IReadOnlyList<DeviceProblem> Find(string storage)
    {
        var rpi4 = ShippedBoards.Load("rpi4");
        var options = new LinuxBoardOptions { DeviceRoot = _temp["dev"], ProcRoot = _temp["proc"], StorageDirectory = storage };
        return LinuxDeviceCheck.Find(rpi4, LinuxBoardPaths.Resolve(rpi4, options));
    }
}
