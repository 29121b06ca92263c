using FlightSw.Core.Storage;
using FlightSw.Edac.Golden;
using FlightSw.Sim.Devices;

namespace FlightSw.Edac.Tests.Golden;

public class GoldenChecksumRecordTests
{
    [Test]
    public void NameFor_ShortRegionName_IsThePrefixAndTheName()
    {
        Assert.That(GoldenChecksumRecord.NameFor("weights"), Is.EqualTo("golden.weights"));
    }

    [Test]
    public void NameFor_LongestNameThatFits_IsKeptWhole()
    {
        string name = new('w', DurableRecordStore.MaxNameLength - GoldenChecksumRecord.Prefix.Length);

        Assert.That(GoldenChecksumRecord.NameFor(name), Is.EqualTo("golden." + name));
    }

    [Test]
    public void NameFor_NamesTooLongSharingAPrefix_AreCutToTheLimitAndStayDistinct()
    {
        string first = new string('w', 60) + "-one";
        string second = new string('w', 60) + "-two";

        string firstRecord = GoldenChecksumRecord.NameFor(first);
        string secondRecord = GoldenChecksumRecord.NameFor(second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(firstRecord, Has.Length.EqualTo(DurableRecordStore.MaxNameLength));
            Assert.That(secondRecord, Has.Length.EqualTo(DurableRecordStore.MaxNameLength));
            Assert.That(firstRecord, Does.Match("^golden\\.w{46}-[0-9a-f]{8}$"));
            Assert.That(firstRecord, Is.Not.EqualTo(secondRecord));
            Assert.That(() => new DurableRecordStore(new SimPersistentStore(new Random(0))).Write(firstRecord, [1]), Throws.Nothing);
        }
    }
}
