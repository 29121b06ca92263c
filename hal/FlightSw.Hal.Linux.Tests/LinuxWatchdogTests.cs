namespace FlightSw.Hal.Linux.Tests;

/// <summary>The watchdog's write protocol, against a regular file standing in for /dev/watchdog (which takes no ioctls: ENOTTY).</summary>
public class LinuxWatchdogTests
{
    private TempDirectory _temp = null!;
    private string _device = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _device = _temp.CreateFile("watchdog");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1.5)]
    public void Constructor_TimeoutNotWholePositiveSeconds_Throws(double seconds)
    {
        Assert.That(() => new LinuxWatchdog(_device, TimeSpan.FromSeconds(seconds)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_Nothing_OpensNothingAndIsNotRunning()
    {
        using var watchdog = new LinuxWatchdog(_temp["absent"], TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(watchdog.IsRunning, Is.False);
            Assert.That(watchdog.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        }
    }

    [Test]
    public void Start_RegularFile_FallsBackToWritesWithoutThrowing()
    {
        using var watchdog = new LinuxWatchdog(_device, TimeSpan.FromSeconds(10));

        watchdog.Start();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(watchdog.IsRunning, Is.True);
            Assert.That(watchdog.PetsByWrite, Is.True, "ENOTTY on SETTIMEOUT and GETTIMEOUT");
            Assert.That(watchdog.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)), "no driver to say otherwise");
            Assert.That(File.ReadAllBytes(_device), Is.Empty, "opening arms it; nothing written yet");
        }
    }

    [Test]
    public void Pet_RegularFile_WritesOneKeepAliveBytePerPet()
    {
        using var watchdog = new LinuxWatchdog(_device, TimeSpan.FromSeconds(10));
        watchdog.Start();

        watchdog.Pet();
        watchdog.Pet();
        watchdog.Pet();

        Assert.That(File.ReadAllBytes(_device), Is.EqualTo(new[] { LinuxWatchdog.KeepAliveByte, LinuxWatchdog.KeepAliveByte, LinuxWatchdog.KeepAliveByte }));
    }

    [Test]
    public void Start_AlreadyStarted_Pets()
    {
        using var watchdog = new LinuxWatchdog(_device, TimeSpan.FromSeconds(10));
        watchdog.Start();

        watchdog.Start();

        Assert.That(File.ReadAllBytes(_device), Is.EqualTo(new[] { LinuxWatchdog.KeepAliveByte }));
    }

    [Test]
    public void Stop_AfterPets_WritesTheMagicVLastAndCloses()
    {
        using var watchdog = new LinuxWatchdog(_device, TimeSpan.FromSeconds(10));
        watchdog.Start();
        watchdog.Pet();
        watchdog.Pet();

        watchdog.Stop();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllBytes(_device), Is.EqualTo(new[] { LinuxWatchdog.KeepAliveByte, LinuxWatchdog.KeepAliveByte, (byte)'V' }));
            Assert.That(watchdog.IsRunning, Is.False);
            Assert.That(watchdog.Pet, Throws.InvalidOperationException, "closed");
        }
    }

    [Test]
    public void Stop_NotStarted_DoesNothing()
    {
        using var watchdog = new LinuxWatchdog(_device, TimeSpan.FromSeconds(10));

        watchdog.Stop();

        Assert.That(File.ReadAllBytes(_device), Is.Empty);
    }

    [Test]
    public void Pet_NotStarted_ThrowsInvalidOperation()
    {
        using var watchdog = new LinuxWatchdog(_device, TimeSpan.FromSeconds(10));

        Assert.That(watchdog.Pet, Throws.InvalidOperationException.With.Message.Contains(_device));
    }

    [Test]
    public void Start_MissingDevice_ThrowsIOExceptionNamingTheDeviceAndTheReason()
    {
        using var watchdog = new LinuxWatchdog(_temp["absent"], TimeSpan.FromSeconds(10));

        Assert.That(watchdog.Start, Throws.InstanceOf<IOException>().With.Message.Contains(_temp["absent"]).And.Message.Contains("No such file"));
    }

    [Test]
    public void Dispose_Running_ClosesWithoutTheMagicClose()
    {
        var watchdog = new LinuxWatchdog(_device, TimeSpan.FromSeconds(10));
        watchdog.Start();
        watchdog.Pet();

        watchdog.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllBytes(_device), Is.EqualTo(new[] { LinuxWatchdog.KeepAliveByte }), "no 'V': a crash leaves the watchdog armed");
            Assert.That(watchdog.IsRunning, Is.False);
        }
    }

    [Test]
    public void ReadBootStatus_NotStartedOnARegularFile_UnknownAndClosedWithoutTheMagicClose()
    {
        using var watchdog = new LinuxWatchdog(_device, TimeSpan.FromSeconds(10));

        var status = watchdog.ReadBootStatus();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.Null, "ENOTTY: the file does not report a boot status");
            Assert.That(File.ReadAllBytes(_device), Is.Empty, "no magic close: an armed watchdog stays armed until the health monitor pets it");
            Assert.That(watchdog.IsRunning, Is.False);
        }
    }

    [Test]
    public void ReadBootStatus_Started_AsksTheOpenDeviceAndLeavesItArmed()
    {
        using var watchdog = new LinuxWatchdog(_device, TimeSpan.FromSeconds(10));
        watchdog.Start();

        var status = watchdog.ReadBootStatus();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.Null);
            Assert.That(watchdog.IsRunning, Is.True);
            Assert.That(File.ReadAllBytes(_device), Is.Empty);
        }
    }

    [Test]
    public void ReadBootStatus_MissingDevice_ThrowsIOException()
    {
        using var watchdog = new LinuxWatchdog(_temp["absent"], TimeSpan.FromSeconds(10));

        Assert.That(() => watchdog.ReadBootStatus(), Throws.InstanceOf<IOException>());
    }
}
