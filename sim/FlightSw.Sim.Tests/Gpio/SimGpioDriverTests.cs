using System.Collections.Concurrent;
using System.Device.Gpio;
using FlightSw.Sim.Gpio;

namespace FlightSw.Sim.Tests.Gpio;

public class SimGpioDriverTests
{
    private const int LedPin = 17;
    private const int ButtonPin = 4;

    [Test]
    public void PinCount_FromConstructor_IsSeenByController()
    {
        using var controller = new GpioController(new SimGpioDriver(58));

        Assert.That(controller.PinCount, Is.EqualTo(58));
    }

    [Test]
    public void Constructor_NoPins_Throws()
    {
        Assert.That(() => new SimGpioDriver(0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(PinMode.Input, true)]
    [TestCase(PinMode.Output, true)]
    [TestCase(PinMode.InputPullUp, true)]
    [TestCase(PinMode.InputPullDown, true)]
    [TestCase((PinMode)42, false)]
    public void IsPinModeSupported_Mode_ReportsTheFourBasicModes(PinMode mode, bool expected)
    {
        using var controller = new GpioController(new SimGpioDriver(58));

        Assert.That(controller.IsPinModeSupported(LedPin, mode), Is.EqualTo(expected));
    }

    [Test]
    public void Write_OutputPin_ReadsBackWhatWasWritten()
    {
        using var controller = new GpioController(new SimGpioDriver(58));
        controller.OpenPin(LedPin, PinMode.Output);

        controller.Write(LedPin, PinValue.High);
        PinValue afterHigh = controller.Read(LedPin);
        controller.Write(LedPin, PinValue.Low);
        PinValue afterLow = controller.Read(LedPin);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterHigh, Is.EqualTo(PinValue.High));
            Assert.That(afterLow, Is.EqualTo(PinValue.Low));
            Assert.That(controller.GetPinMode(LedPin), Is.EqualTo(PinMode.Output));
        }
    }

    [Test]
    public void Toggle_LedBlinkingFourTimes_CountsFourTransitionsAndEndsLow()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        GpioPin led = controller.OpenPin(LedPin, PinMode.Output);
        controller.Write(LedPin, PinValue.Low);

        var levels = new List<PinValue>();
        for (int i = 0; i < 4; i++)
        {
            led.Toggle();
            levels.Add(led.Read());
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(levels, Is.EqualTo(new[] { PinValue.High, PinValue.Low, PinValue.High, PinValue.Low }));
            Assert.That(driver.TransitionCount(LedPin), Is.EqualTo(4));
            Assert.That(driver.GetLevel(LedPin), Is.EqualTo(PinValue.Low));
        }
    }

    [Test]
    public void Write_SameValueTwice_CountsOneTransition()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(LedPin, PinMode.Output);

        controller.Write(LedPin, PinValue.High);
        controller.Write(LedPin, PinValue.High);

        Assert.That(driver.TransitionCount(LedPin), Is.EqualTo(1));
    }

    [Test]
    public void OpenPin_OutputWithInitialHigh_DrivesHigh()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);

        controller.OpenPin(LedPin, PinMode.Output, PinValue.High);

        Assert.That(controller.Read(LedPin), Is.EqualTo(PinValue.High));
    }

    [Test]
    public void Read_InputDrivenFromOutside_ReadsDrivenLevel()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(ButtonPin, PinMode.Input);

        driver.Drive(ButtonPin, PinValue.High);
        PinValue high = controller.Read(ButtonPin);
        driver.Drive(ButtonPin, PinValue.Low);
        PinValue low = controller.Read(ButtonPin);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(high, Is.EqualTo(PinValue.High));
            Assert.That(low, Is.EqualTo(PinValue.Low));
        }
    }

    [TestCase(PinMode.InputPullUp, 1)]
    [TestCase(PinMode.InputPullDown, 0)]
    [TestCase(PinMode.Input, 0)]
    public void Read_UndrivenInput_ReadsPullResistor(PinMode mode, int expected)
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(ButtonPin, mode);

        Assert.That(controller.Read(ButtonPin), Is.EqualTo((PinValue)expected));
    }

    [Test]
    public void Release_DrivenPullUpInput_ReturnsToPullUp()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(ButtonPin, PinMode.InputPullUp);
        driver.Drive(ButtonPin, PinValue.Low);

        driver.Release(ButtonPin);

        Assert.That(controller.Read(ButtonPin), Is.EqualTo(PinValue.High));
    }

    [Test]
    public void Read_OutputPinDrivenFromOutside_StillReadsOutputLatch()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(LedPin, PinMode.Output);
        controller.Write(LedPin, PinValue.High);

        driver.Drive(LedPin, PinValue.Low);

        Assert.That(controller.Read(LedPin), Is.EqualTo(PinValue.High));
    }

    [Test]
    public void Callback_RisingAndFalling_RaisedInOrderWithPinNumber()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(ButtonPin, PinMode.Input);
        var seen = new List<(int Pin, PinEventTypes Change)>();
        controller.RegisterCallbackForPinValueChangedEvent(
            ButtonPin, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) => seen.Add((e.PinNumber, e.ChangeType)));

        driver.Drive(ButtonPin, PinValue.High);
        driver.Drive(ButtonPin, PinValue.High);
        driver.Drive(ButtonPin, PinValue.Low);

        Assert.That(seen, Is.EqualTo(new[] { (ButtonPin, PinEventTypes.Rising), (ButtonPin, PinEventTypes.Falling) }));
    }

    [Test]
    public void Callback_RisingOnly_IgnoresFallingEdges()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(ButtonPin, PinMode.Input);
        var seen = new List<PinEventTypes>();
        controller.RegisterCallbackForPinValueChangedEvent(ButtonPin, PinEventTypes.Rising, (_, e) => seen.Add(e.ChangeType));

        driver.Drive(ButtonPin, PinValue.High);
        driver.Drive(ButtonPin, PinValue.Low);
        driver.Drive(ButtonPin, PinValue.High);

        Assert.That(seen, Is.EqualTo(new[] { PinEventTypes.Rising, PinEventTypes.Rising }));
    }

    [Test]
    public void Callback_OutputWrite_RaisesEdges()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(LedPin, PinMode.Output);
        var seen = new List<PinEventTypes>();
        controller.RegisterCallbackForPinValueChangedEvent(
            LedPin, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) => seen.Add(e.ChangeType));

        controller.Write(LedPin, PinValue.High);
        controller.Write(LedPin, PinValue.Low);

        Assert.That(seen, Is.EqualTo(new[] { PinEventTypes.Rising, PinEventTypes.Falling }));
    }

    [Test]
    public void Callback_Unregistered_IsNotCalledAgain()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(ButtonPin, PinMode.Input);
        int calls = 0;
        void Handler(object sender, PinValueChangedEventArgs e) => calls++;
        controller.RegisterCallbackForPinValueChangedEvent(ButtonPin, PinEventTypes.Rising | PinEventTypes.Falling, Handler);
        driver.Drive(ButtonPin, PinValue.High);

        controller.UnregisterCallbackForPinValueChangedEvent(ButtonPin, Handler);
        driver.Drive(ButtonPin, PinValue.Low);

        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void WaitForEvent_TokenAlreadyCancelled_ReturnsTimedOut()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(ButtonPin, PinMode.Input);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        WaitForEventResult result = controller.WaitForEvent(ButtonPin, PinEventTypes.Rising, cancelled.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.TimedOut, Is.True);
            Assert.That(result.EventTypes, Is.EqualTo(PinEventTypes.None));
        }
    }

    [Test]
    public void WaitForEvent_EdgeDrivenFromAnotherThread_ReturnsThatEdge()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(ButtonPin, PinMode.Input);

        Task<WaitForEventResult> waiting = Task.Run(
            () => controller.WaitForEvent(ButtonPin, PinEventTypes.Falling, TimeSpan.FromSeconds(10)));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!waiting.IsCompleted && !deadline.IsCancellationRequested)
        {
            driver.Drive(ButtonPin, PinValue.High);
            driver.Drive(ButtonPin, PinValue.Low);
            Thread.Yield();
        }

        WaitForEventResult result = waiting.Result;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.TimedOut, Is.False);
            Assert.That(result.EventTypes, Is.EqualTo(PinEventTypes.Falling));
        }
    }

    [Test]
    public async Task WaitForEventAsync_EdgeAfterCall_CompletesWithEdge()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        controller.OpenPin(ButtonPin, PinMode.InputPullDown);

        ValueTask<WaitForEventResult> waiting = controller.WaitForEventAsync(ButtonPin, PinEventTypes.Rising, TimeSpan.FromSeconds(10));
        driver.Drive(ButtonPin, PinValue.High);
        WaitForEventResult result = await waiting;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.TimedOut, Is.False);
            Assert.That(result.EventTypes, Is.EqualTo(PinEventTypes.Rising));
        }
    }

    [Test]
    public void DriverRead_PinNotOpen_ThrowsInvalidOperation()
    {
        using var driver = new ExposedDriver(58);

        Assert.That(() => driver.ReadPin(ButtonPin), Throws.InvalidOperationException.With.Message.Contains("not open"));
    }

    [Test]
    public void DriverWrite_PinClosed_ThrowsInvalidOperation()
    {
        using var driver = new ExposedDriver(58);
        driver.Open(LedPin);
        driver.Close(LedPin);

        Assert.That(() => driver.WritePin(LedPin, PinValue.High), Throws.InvalidOperationException);
    }

    [Test]
    public void OpenPin_NumberBeyondPinCount_Throws()
    {
        using var controller = new GpioController(new SimGpioDriver(58));

        Assert.That(() => controller.OpenPin(58), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Callbacks_FromManyThreads_AllDelivered()
    {
        var driver = new SimGpioDriver(58);
        using var controller = new GpioController(driver);
        var pins = new[] { 5, 6, 13, 19 };
        var seen = new ConcurrentBag<int>();
        foreach (int pin in pins)
        {
            controller.OpenPin(pin, PinMode.Input);
            controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising, (_, e) => seen.Add(e.PinNumber));
        }

        Parallel.ForEach(pins, pin =>
        {
            for (int i = 0; i < 100; i++)
            {
                driver.Drive(pin, PinValue.High);
                driver.Drive(pin, PinValue.Low);
            }
        });

        Assert.That(seen, Has.Count.EqualTo(400));
    }

    /// <summary>Exposes the driver's protected operations, to test them without the controller's own checks.</summary>
    private sealed class ExposedDriver(int pinCount) : SimGpioDriver(pinCount)
    {
        public void Open(int pin) => OpenPin(pin);

        public void Close(int pin) => ClosePin(pin);

        public PinValue ReadPin(int pin) => Read(pin);

        public void WritePin(int pin, PinValue value) => Write(pin, value);
    }
}
