using FlightSw.Core.Telemetry;

namespace FlightSw.Core.Tests.Telemetry;

public class TelemetryDatabaseTests
{
    [Test]
    public void Find_RegisteredChannel_IsFoundByNameAndById()
    {
        var database = new TelemetryDatabase();
        var volts = new TelemetryChannel<double>(0x1000, "BRD_BUS_V", "V", "");
        database.Register(volts);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(database.Find("BRD_BUS_V"), Is.SameAs(volts));
            Assert.That(database.Find((ushort)0x1000), Is.SameAs(volts));
            Assert.That(database.Find("brd_bus_v"), Is.Null, "names are case-sensitive");
            Assert.That(database.Find("NOPE"), Is.Null);
            Assert.That(database.Find((ushort)0x1001), Is.Null);
        }
    }

    [Test]
    public void Register_IdAlreadyUsed_ThrowsNamingBothOwners()
    {
        var database = new TelemetryDatabase();
        database.Register(new TelemetryChannel<int>(0x2000, "FIRST", "", "") { Component = "alpha" });

        Assert.That(
            () => database.Register(new TelemetryChannel<int>(0x2000, "SECOND", "", "") { Component = "beta" }),
            Throws.InvalidOperationException.With.Message.EqualTo("Telemetry id 0x2000 of beta.SECOND is already used by alpha.FIRST."));
    }

    [Test]
    public void Register_NameAlreadyUsed_ThrowsNamingBothOwners()
    {
        var database = new TelemetryDatabase();
        database.Register(new TelemetryChannel<int>(0x2000, "SAME", "", "") { Component = "alpha" });

        Assert.That(
            () => database.Register(new TelemetryChannel<int>(0x2100, "SAME", "", "") { Component = "beta" }),
            Throws.InvalidOperationException.With.Message.EqualTo("Telemetry name SAME of beta is already used by alpha."));
        Assert.That(database.All, Has.Count.EqualTo(1));
    }

    [Test]
    public void Snapshot_SomeChannelsWritten_ListsLatestValuesInRegistrationOrder()
    {
        var database = new TelemetryDatabase();
        var second = new TelemetryChannel<uint>(2, "SECOND", "", "");
        var first = new TelemetryChannel<double>(1, "FIRST", "", "");
        database.Register(second);
        database.Register(first);
        second.Write(3);
        second.Write(4);

        var snapshot = database.Snapshot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.Select(s => s.Name), Is.EqualTo(new[] { "SECOND", "FIRST" }));
            Assert.That(snapshot[0].Value, Is.EqualTo(4u));
            Assert.That(snapshot[0].UpdateCount, Is.EqualTo(2));
            Assert.That(snapshot[1].Value, Is.Null, "never written");
            Assert.That(database.All, Is.EqualTo(new TelemetryChannel[] { second, first }));
        }
    }
}
