using FlightSw.Sim.Environment;

namespace FlightSw.Sim.Tests.Environment;

public class ConstantEnvironmentTests
{
    [Test]
    public void Constructor_Defaults_AreAnIdleFiveVoltBoardAtRoomTemperature()
    {
        var environment = new ConstantEnvironment();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(environment.BusVolts, Is.EqualTo(7.8));
            Assert.That(environment.CurrentAmps, Is.EqualTo(0.6));
            Assert.That(environment.BoardCelsius, Is.EqualTo(25.0));
            Assert.That(ConstantEnvironment.DefaultBusVolts, Is.EqualTo(7.8));
            Assert.That(ConstantEnvironment.DefaultCurrentAmps, Is.EqualTo(0.6));
            Assert.That(ConstantEnvironment.DefaultBoardCelsius, Is.EqualTo(25.0));
        }
    }

    [Test]
    public void Properties_SetValues_StayUntilSetAgain()
    {
        var environment = new ConstantEnvironment { BusVolts = 11.1, CurrentAmps = 2.5, BoardCelsius = -20 };

        double[] first = [environment.BusVolts, environment.CurrentAmps, environment.BoardCelsius];
        double[] second = [environment.BusVolts, environment.CurrentAmps, environment.BoardCelsius];
        environment.BoardCelsius = 60;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new[] { 11.1, 2.5, -20.0 }));
            Assert.That(second, Is.EqualTo(first));
            Assert.That(environment.BoardCelsius, Is.EqualTo(60.0));
        }
    }
}
