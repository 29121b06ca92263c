using System.Device.Gpio;
using FlightSw.Core.Components;
using FlightSw.Core.Events;
using FlightSw.Core.Modes;
using FlightSw.Core.Scheduling;
using FlightSw.Core.Telemetry;
using FlightSw.Core.Tests.Fixtures;

namespace FlightSw.Core.Tests.StatusLed;

public class StatusLedTests
{
    private static TestNode Node() => TestNode.Boot(app => app.Add(new Core.StatusLed.StatusLed(), RateGroupId.Rate10Hz));

    private static int LedPin(TestNode node) => node.Board.Definition.Gpio.StatusLedPin;

    /// <summary>Runs <paramref name="cycles"/> 10 Hz cycles and reads the LED pin after each.</summary>
    private static string Blink(TestNode node, int cycles)
    {
        var levels = new char[cycles];
        for (int i = 0; i < cycles; i++)
        {
            node.RunForMilliseconds(100);
            levels[i] = node.Board.GpioDriver.GetLevel(LedPin(node)) == PinValue.High ? '#' : '.';
        }

        return new string(levels);
    }

    [Test]
    public void Initialize_Boot_OpensTheBoardsLedPinAsAnOutputAndLightsIt()
    {
        using var node = Node();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(LedPin(node), Is.EqualTo(17), "the sim board's status LED line");
            Assert.That(node.Board.Gpio.IsPinOpen(17), Is.True);
            Assert.That(node.Board.Gpio.GetPinMode(17), Is.EqualTo(PinMode.Output));
            Assert.That(node.Board.GpioDriver.GetLevel(17), Is.EqualTo(PinValue.High));
            Assert.That(node.Telemetry("LED_LIT"), Is.EqualTo(true));
            Assert.That(node.Telemetry("LED_TOGGLES"), Is.EqualTo(0u));
        }
    }

    [Test]
    public void OnCycle_Nominal_BlinksAt1HzHalfOnHalfOff()
    {
        using var node = Node();

        string pattern = Blink(node, 30);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pattern, Is.EqualTo("#####.....#####.....#####....."));
            Assert.That(node.Telemetry("LED_TOGGLES"), Is.EqualTo(5u));
            // Five toggles, plus the switch-on when the pin was opened High.
            Assert.That(node.Board.GpioDriver.TransitionCount(17), Is.EqualTo(6));
            Assert.That(node.Telemetry("LED_LIT"), Is.EqualTo(false));
        }
    }

    [Test]
    public void OnCycle_Safe_BlinksAt5Hz()
    {
        using var node = Node();
        node.App.Modes.TryTransition(FlightMode.Safe, "test");

        string pattern = Blink(node, 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pattern, Is.EqualTo("#.#.#.#.#."));
            Assert.That(node.Telemetry("LED_TOGGLES"), Is.EqualTo(9u));
            Assert.That(node.Board.GpioDriver.TransitionCount(17), Is.EqualTo(10));
        }
    }

    [Test]
    public void OnCycle_ModeChangesFromNominalToSafe_SwitchesBlinkRate()
    {
        using var node = Node();
        string nominal = Blink(node, 10);

        node.App.Modes.TryTransition(FlightMode.Safe, "test");
        string safe = Blink(node, 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nominal, Is.EqualTo("#####....."));
            Assert.That(safe, Is.EqualTo("#.#.#."), "cycles 10 to 15");
        }
    }

    [Test]
    public void OnCycle_BootMode_StaysSteadilyOn()
    {
        var board = TestNode.BareBoard(out var hardware);
        using (hardware)
        {
            var led = new Core.StatusLed.StatusLed();
            var context = new FlightContext(board, new EventLog(board.Time), new TelemetryDatabase(), new ModeManager(), new Dictionary<string, Component>());
            led.Initialize(context);

            for (int i = 0; i < 20; i++)
            {
                led.RunCycle(new RateGroupCycle(RateGroupId.Rate10Hz, i, TimeSpan.FromMilliseconds(100)));
            }

            using (Assert.EnterMultipleScope())
            {
                Assert.That(board.GpioDriver.GetLevel(17), Is.EqualTo(PinValue.High));
                Assert.That(board.GpioDriver.TransitionCount(17), Is.EqualTo(1), "switched on once, never toggled");
            }
        }
    }

    [Test]
    public void OnCycle_ExecutiveStops_TheLedFreezes()
    {
        using var node = Node();
        Blink(node, 12);
        long transitions = node.Board.GpioDriver.TransitionCount(17);

        node.App.Scheduler.Stop();
        string frozen = Blink(node, 30);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(frozen, Is.EqualTo(new string('#', 30)), "lit when the executive stopped, and stays so");
            Assert.That(node.Board.GpioDriver.TransitionCount(17), Is.EqualTo(transitions));
        }
    }

    [Test]
    public void Stop_OrderlyShutdown_SwitchesTheLedOffAndReleasesThePin()
    {
        using var node = Node();
        Blink(node, 3);

        node.App.Stop();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Board.GpioDriver.GetLevel(17), Is.EqualTo(PinValue.Low));
            Assert.That(node.Board.Gpio.IsPinOpen(17), Is.False);
        }
    }
}
