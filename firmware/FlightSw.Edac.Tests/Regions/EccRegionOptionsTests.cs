using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Tests.Regions;

public class EccRegionOptionsTests
{
    [Test]
    public void Defaults_NewOptions_NormalNoInterleavingEscalate()
    {
        var options = new EccRegionOptions { Name = "weights", WordCount = 8 };

        Assert.Multiple(() =>
        {
            Assert.That(options.Importance, Is.EqualTo(RegionImportance.Normal));
            Assert.That(options.InterleaveDepth, Is.EqualTo(1));
            Assert.That(options.Recovery, Is.SameAs(RegionRecovery.Escalate));
        });
    }

    [TestCase("a")]
    [TestCase("model.weights_v2-final")]
    [TestCase("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Validate_GoodName_Accepted(string name)
    {
        var options = new EccRegionOptions { Name = name, WordCount = 1 };

        Assert.That(options.Validate, Throws.Nothing);
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("slash/name")]
    [TestCase("ümlaut")]
    [TestCase("01234567890123456789012345678901234567890123456789012345678901234")]
    public void Validate_BadName_ThrowsNamingRegionAndRule(string name)
    {
        var options = new EccRegionOptions { Name = name, WordCount = 1 };

        Assert.That(options.Validate, Throws.ArgumentException
            .With.Message.Contains($"'{name}'")
            .And.Message.Contains("1 to 64 characters of letters, digits"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(EccRegionOptions.MaxWordCount + 1)]
    public void Validate_WordCountOutOfRange_ThrowsNamingRegion(int words)
    {
        var options = new EccRegionOptions { Name = "tiny", WordCount = words };

        Assert.That(options.Validate, Throws.ArgumentException.With.Message.Contains("'tiny'").And.Message.Contains("WordCount"));
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(16)]
    public void Validate_UnsupportedInterleaveDepth_ThrowsListingAllowedDepths(int depth)
    {
        var options = new EccRegionOptions { Name = "ctl", WordCount = 48, InterleaveDepth = depth };

        Assert.That(options.Validate, Throws.ArgumentException.With.Message.Contains("'ctl'").And.Message.Contains("1 (none), 2, 4 or 8"));
    }

    [Test]
    public void Validate_WordCountNotMultipleOfDepth_ThrowsNamingBoth()
    {
        var options = new EccRegionOptions { Name = "ctl", WordCount = 10, InterleaveDepth = 4 };

        Assert.That(options.Validate, Throws.ArgumentException.With.Message.Contains("'ctl'").And.Message.Contains("WordCount 10").And.Message.Contains("InterleaveDepth 4"));
    }

    [Test]
    public void Validate_NullRecovery_Throws()
    {
        var options = new EccRegionOptions { Name = "ctl", WordCount = 8, Recovery = null! };

        Assert.That(options.Validate, Throws.ArgumentException.With.Message.Contains("Recovery"));
    }

    [Test]
    public void EccRegionConstructor_InvalidOptions_Throws()
    {
        var options = new EccRegionOptions { Name = "ctl", WordCount = 10, InterleaveDepth = 8 };

        Assert.That(() => new EccRegion(options), Throws.ArgumentException.With.Message.Contains("'ctl'"));
    }
}
