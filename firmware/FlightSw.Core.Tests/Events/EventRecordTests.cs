using FlightSw.Core.Events;
using FlightSw.Sim.Time;

namespace FlightSw.Core.Tests.Events;

public class EventRecordTests
{
    private static readonly EventDefinition Changed = new(0x0300, "MODE_CHANGED", EventSeverity.ActivityHigh, "Mode {from} -> {to}: {reason}");

    [Test]
    public void Indexer_ArgumentName_ReturnsItsValue()
    {
        var record = new EventLog(new VirtualClock()).Emit(Changed, "Boot", "Nominal", "boot complete");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record["from"], Is.EqualTo("Boot"));
            Assert.That(record["to"], Is.EqualTo("Nominal"));
            Assert.That(record["reason"], Is.EqualTo("boot complete"));
        }
    }

    [Test]
    public void Indexer_UnknownArgument_ThrowsKeyNotFoundNamingIt()
    {
        var record = new EventLog(new VirtualClock()).Emit(Changed, "Boot", "Nominal", "boot complete");

        Assert.That(() => record["mode"], Throws.TypeOf<KeyNotFoundException>().With.Message.EqualTo("Event MODE_CHANGED has no argument 'mode'."));
    }
}
