using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Tests.Regions;

public class UncorrectableWordExceptionTests
{
    [Test]
    public void Constructor_RegionAndWord_MessageNamesBoth()
    {
        var exception = new UncorrectableWordException("nav.table", 417);

        Assert.Multiple(() =>
        {
            Assert.That(exception.Region, Is.EqualTo("nav.table"));
            Assert.That(exception.WordIndex, Is.EqualTo(417));
            Assert.That(exception.Message, Does.Contain("'nav.table'").And.Contain("417"));
        });
    }
}
