namespace FlightSw.Sim.Tests;

public class SimHardwareOptionsTests
{
    [Test]
    public void Constructor_Defaults_AreTwoSecondBootWithHalfSecondJitterAndNoise()
    {
        var options = new SimHardwareOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.BootDelay, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(options.BootJitter, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(options.SensorNoise, Is.True);
            Assert.That(SimHardwareOptions.DefaultBootDelay, Is.EqualTo(options.BootDelay));
            Assert.That(SimHardwareOptions.DefaultBootJitter, Is.EqualTo(options.BootJitter));
        }
    }

    [Test]
    public void With_ChangedValue_IsADifferentRecord()
    {
        var defaults = new SimHardwareOptions();

        var quiet = defaults with { SensorNoise = false };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(quiet, Is.Not.EqualTo(defaults));
            Assert.That(quiet with { SensorNoise = true }, Is.EqualTo(defaults));
        }
    }
}
