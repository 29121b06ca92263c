using FlightSw.Sim.Environment.Power;

namespace FlightSw.Sim.Tests.Environment.Power;

public class PowerLedgerTests
{
    [Test]
    public void Constructor_NotFiniteInitialEnergy_Throws()
    {
        Assert.That(() => new PowerLedger(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Record_ChargingAndDischargingIntervals_SumsTheTotals()
    {
        var battery = new Battery(new BatterySpec { CapacityWattHours = 10, InitialStateOfCharge = 0.5 });
        var ledger = new PowerLedger(battery.StoredWattHours);

        ledger.Record(20, 4, battery.Apply(16, TimeSpan.FromHours(1)));
        ledger.Record(0, 8, battery.Apply(-8, TimeSpan.FromHours(1)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ledger.InitialStoredWattHours, Is.EqualTo(5.0));
            Assert.That(ledger.SolarWattHours, Is.EqualTo(20.0));
            Assert.That(ledger.CurtailedWattHours, Is.EqualTo(16 - (5 / 0.95)).Within(1e-12));
            Assert.That(ledger.LoadWattHours, Is.EqualTo(12.0));
            Assert.That(ledger.LossWattHours, Is.EqualTo((5 / 0.95) - 5 + (8 / 0.95) - 8).Within(1e-12));
            Assert.That(ledger.ShortfallWattHours, Is.Zero);
            Assert.That(ledger.ImbalanceWattHours(battery), Is.EqualTo(0.0).Within(1e-12));
        }
    }

    [Test]
    public void ImbalanceWattHours_EmptyBatteryWithUnmetLoad_StaysZero()
    {
        var battery = new Battery(new BatterySpec { CapacityWattHours = 10, InitialStateOfCharge = 0.1 });
        var ledger = new PowerLedger(battery.StoredWattHours);

        ledger.Record(3, 10, battery.Apply(-7, TimeSpan.FromHours(1)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.IsEmpty, Is.True);
            Assert.That(ledger.ShortfallWattHours, Is.EqualTo(7 - 0.95).Within(1e-12));
            Assert.That(ledger.LoadWattHours, Is.EqualTo(3 + 0.95).Within(1e-12));
            Assert.That(ledger.ImbalanceWattHours(battery), Is.EqualTo(0.0).Within(1e-12));
        }
    }

    [Test]
    public void ImbalanceWattHours_UnrecordedChange_ShowsIt()
    {
        var battery = new Battery(new BatterySpec());
        var ledger = new PowerLedger(battery.StoredWattHours);

        battery.Apply(-9.5, TimeSpan.FromHours(1));

        Assert.That(ledger.ImbalanceWattHours(battery), Is.EqualTo(10.0).Within(1e-12));
    }
}
