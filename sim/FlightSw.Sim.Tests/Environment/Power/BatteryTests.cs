using FlightSw.Sim.Environment.Power;

namespace FlightSw.Sim.Tests.Environment.Power;

public class BatteryTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    private static Battery At(double stateOfCharge, double ohms = 0.08) =>
        new(new BatterySpec { CapacityWattHours = 40, InitialStateOfCharge = stateOfCharge, InternalOhms = ohms });

    [Test]
    public void Constructor_Defaults_StoresInitialChargeTimesCapacity()
    {
        var battery = new Battery(new BatterySpec());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.StoredWattHours, Is.EqualTo(36.0).Within(1e-12));
            Assert.That(battery.StateOfCharge, Is.EqualTo(0.9).Within(1e-12));
            Assert.That(battery.OpenCircuitVolts, Is.EqualTo(8.12).Within(1e-12));
            Assert.That(battery.IsFull, Is.False);
            Assert.That(battery.IsEmpty, Is.False);
        }
    }

    [Test]
    public void Constructor_InvalidSpec_ThrowsNamingTheField()
    {
        Assert.That(
            () => new Battery(new BatterySpec { ChargeEfficiency = 0 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(nameof(BatterySpec.ChargeEfficiency)));
    }

    [Test]
    public void TerminalVolts_NoCurrent_IsOpenCircuitVolts()
    {
        var battery = At(0.5);

        Assert.That(battery.TerminalVolts(0), Is.EqualTo(battery.OpenCircuitVolts));
    }

    [Test]
    public void TerminalVolts_Discharging_SagsByCurrentTimesResistance()
    {
        var battery = At(0.9);
        const double Watts = 10;

        double volts = battery.TerminalVolts(Watts);
        double amps = Watts / volts;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(volts, Is.LessThan(battery.OpenCircuitVolts));
            Assert.That(volts, Is.EqualTo(battery.OpenCircuitVolts - (amps * 0.08)).Within(1e-12));
            // 8.12 V open circuit, 10 W through 0.08 ohm: about 1.247 A and 0.100 V of sag.
            Assert.That(volts, Is.EqualTo(8.02025).Within(1e-5));
        }
    }

    [Test]
    public void TerminalVolts_Charging_RisesAboveOpenCircuitVolts()
    {
        var battery = At(0.5);
        const double Watts = -15;

        double volts = battery.TerminalVolts(Watts);
        double amps = Watts / volts;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(volts, Is.GreaterThan(battery.OpenCircuitVolts));
            Assert.That(volts, Is.EqualTo(battery.OpenCircuitVolts - (amps * 0.08)).Within(1e-12));
        }
    }

    [Test]
    public void TerminalVolts_NoResistance_IsOpenCircuitVoltsUnderAnyLoad()
    {
        var battery = At(0.5, ohms: 0);

        Assert.That(battery.TerminalVolts(1000), Is.EqualTo(battery.OpenCircuitVolts));
    }

    [Test]
    public void TerminalVolts_MoreThanTheBatteryCanDeliver_ClampsToHalfTheOpenCircuitVolts()
    {
        var battery = At(0.5);
        double maxWatts = battery.OpenCircuitVolts * battery.OpenCircuitVolts / (4 * 0.08);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.TerminalVolts(maxWatts * 2), Is.EqualTo(battery.OpenCircuitVolts / 2));
            Assert.That(battery.TerminalVolts(maxWatts * 0.999), Is.GreaterThan(battery.OpenCircuitVolts / 2));
        }
    }

    [Test]
    public void TerminalVolts_NotFinite_Throws()
    {
        Assert.That(() => At(0.5).TerminalVolts(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Apply_Charging_StoresNetTimesChargeEfficiency()
    {
        var battery = At(0.5);

        var flow = battery.Apply(10, OneHour);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.StoredWattHours, Is.EqualTo(29.5).Within(1e-12));
            Assert.That(flow.StoredChangeWattHours, Is.EqualTo(9.5).Within(1e-12));
            Assert.That(flow.LossWattHours, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(flow.CurtailedWattHours, Is.Zero);
            Assert.That(flow.ShortfallWattHours, Is.Zero);
        }
    }

    [Test]
    public void Apply_Discharging_RemovesNetOverDischargeEfficiency()
    {
        var battery = At(0.5);

        var flow = battery.Apply(-9.5, OneHour);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.StoredWattHours, Is.EqualTo(10.0).Within(1e-12));
            Assert.That(flow.StoredChangeWattHours, Is.EqualTo(-10.0).Within(1e-12));
            Assert.That(flow.LossWattHours, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(flow.ShortfallWattHours, Is.Zero);
        }
    }

    [Test]
    public void Apply_ChargingPastFull_StopsAtCapacityAndCurtailsTheSurplus()
    {
        var battery = At(39.05 / 40);

        var flow = battery.Apply(10, OneHour);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.StoredWattHours, Is.EqualTo(40.0));
            Assert.That(battery.IsFull, Is.True);
            Assert.That(flow.StoredChangeWattHours, Is.EqualTo(0.95).Within(1e-12));
            Assert.That(flow.LossWattHours, Is.EqualTo(0.05).Within(1e-12));
            Assert.That(flow.CurtailedWattHours, Is.EqualTo(9.0).Within(1e-12));
        }
    }

    [Test]
    public void Apply_ChargingWhenFull_CurtailsEverything()
    {
        var battery = At(1.0);

        var flow = battery.Apply(5, OneHour);

        Assert.That(flow, Is.EqualTo(new BatteryFlow(0, 0, 5, 0)));
    }

    [Test]
    public void Apply_DischargingPastEmpty_StopsAtZeroAndReportsTheShortfall()
    {
        var battery = At(0.025);

        var flow = battery.Apply(-10, OneHour);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.StoredWattHours, Is.Zero);
            Assert.That(battery.IsEmpty, Is.True);
            Assert.That(flow.StoredChangeWattHours, Is.EqualTo(-1.0).Within(1e-12));
            Assert.That(flow.LossWattHours, Is.EqualTo(0.05).Within(1e-12));
            Assert.That(flow.ShortfallWattHours, Is.EqualTo(9.05).Within(1e-12));
        }
    }

    [TestCase(10.0)]
    [TestCase(-10.0)]
    [TestCase(500.0)]
    [TestCase(-500.0)]
    public void Apply_AnyFlow_BalancesBusEnergyAgainstStoreLossCurtailmentAndShortfall(double netWatts)
    {
        var battery = At(0.5);

        var flow = battery.Apply(netWatts, TimeSpan.FromMinutes(20));

        double bus = netWatts / 3;
        Assert.That(bus + flow.ShortfallWattHours, Is.EqualTo(flow.StoredChangeWattHours + flow.LossWattHours + flow.CurtailedWattHours).Within(1e-12));
    }

    [Test]
    public void Apply_ZeroDurationOrZeroPower_ChangesNothing()
    {
        var battery = At(0.5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.Apply(10, TimeSpan.Zero), Is.EqualTo(default(BatteryFlow)));
            Assert.That(battery.Apply(0, OneHour), Is.EqualTo(default(BatteryFlow)));
            Assert.That(battery.StoredWattHours, Is.EqualTo(20.0));
        }
    }

    [Test]
    public void Apply_InvalidArguments_Throw()
    {
        var battery = At(0.5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => battery.Apply(double.PositiveInfinity, OneHour), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => battery.Apply(1, TimeSpan.FromTicks(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
        }
    }

    [Test]
    public void TimeTo_Charging_IsGapOverStoredRateAndReachesTheTarget()
    {
        var battery = At(0.5);

        var time = battery.TimeTo(0.9, 19);
        battery.Apply(19, time!.Value);

        using (Assert.EnterMultipleScope())
        {
            // 16 Wh at 19 W x 0.95 = 18.05 Wh per hour.
            Assert.That(time.Value.TotalHours, Is.EqualTo(16 / 18.05).Within(1e-9));
            // Within the one tick the time is rounded up by: 18.05 Wh/h x 1e-7 s is 1.3e-11 of 40 Wh.
            Assert.That(battery.StateOfCharge, Is.EqualTo(0.9).Within(2e-11));
        }
    }

    [Test]
    public void TimeTo_Discharging_IsGapOverStoredRateAndReachesTheTarget()
    {
        var battery = At(0.5);

        var time = battery.TimeTo(0.25, -9.5);
        battery.Apply(-9.5, time!.Value);

        using (Assert.EnterMultipleScope())
        {
            // 10 Wh at 9.5 W / 0.95 = 10 Wh per hour.
            Assert.That(time.Value, Is.EqualTo(OneHour));
            Assert.That(battery.StateOfCharge, Is.EqualTo(0.25).Within(1e-12));
        }
    }

    [Test]
    public void TimeTo_OddDuration_RoundsUpToTheTickSoTheTargetIsReached()
    {
        var battery = At(0.5);

        var time = battery.TimeTo(0.3, -7);
        var oneTickEarly = At(0.5);
        oneTickEarly.Apply(-7, time!.Value - TimeSpan.FromTicks(1));
        battery.Apply(-7, time.Value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(battery.StateOfCharge, Is.LessThanOrEqualTo(0.3 + 1e-15));
            Assert.That(oneTickEarly.StateOfCharge, Is.GreaterThan(0.3));
        }
    }

    [Test]
    public void TimeTo_AlreadyThere_IsZero()
    {
        Assert.That(At(0.5).TimeTo(0.5, -3), Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(0.9, -5.0)]
    [TestCase(0.1, 5.0)]
    [TestCase(0.9, 0.0)]
    public void TimeTo_WrongDirectionOrNoPower_IsNull(double target, double netWatts)
    {
        Assert.That(At(0.5).TimeTo(target, netWatts), Is.Null);
    }

    [Test]
    public void TimeTo_Full_IsReachedExactly()
    {
        var battery = At(0.5);

        battery.Apply(10, battery.TimeTo(1, 10)!.Value);

        Assert.That(battery.IsFull, Is.True);
    }

    [TestCase(-0.1)]
    [TestCase(1.1)]
    [TestCase(double.NaN)]
    public void TimeTo_TargetOutsideZeroToOne_Throws(double target)
    {
        Assert.That(() => At(0.5).TimeTo(target, 1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
