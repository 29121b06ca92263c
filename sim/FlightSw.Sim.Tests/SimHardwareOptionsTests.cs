using FlightSw.Sim.Faults;

namespace FlightSw.Sim.Tests;

public class SimHardwareOptionsTests
{
    [Test]
    public void Constructor_Defaults_AreTwoSecondBootWithHalfSecondJitterNoiseAndNoUpsets()
    {
        var options = new SimHardwareOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.BootDelay, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(options.BootJitter, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(options.SensorNoise, Is.True);
            Assert.That(options.Upsets, Is.EqualTo(new UpsetInjectorOptions()));
            Assert.That(options.Upsets.RatePerBitPerDay, Is.Zero);
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

    [Test]
    public void With_SameUpsetSettingsInANewRecord_IsEqual()
    {
        var irradiated = new SimHardwareOptions { Upsets = new UpsetInjectorOptions { RatePerBitPerDay = UpsetInjectorOptions.Alsat1RatePerBitPerDay } };

        var again = irradiated with { Upsets = new UpsetInjectorOptions { RatePerBitPerDay = UpsetInjectorOptions.Alsat1RatePerBitPerDay } };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.EqualTo(irradiated));
            Assert.That(irradiated, Is.Not.EqualTo(new SimHardwareOptions()));
        }
    }
}
