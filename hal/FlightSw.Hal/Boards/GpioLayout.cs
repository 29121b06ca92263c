namespace FlightSw.Hal.Boards;

/// <summary>The GPIO controller and the pins the flight software uses.</summary>
/// <param name="Chip">GPIO chip number (libgpiod <c>gpiochipN</c>); 0 where the board has one controller.</param>
/// <param name="PinCount">Number of lines on that chip.</param>
/// <param name="StatusLedPin">
/// Line (in the chip's logical numbering) that drives the status LED. On Meadow, whose pins are named,
/// the line is the STM32 port index × 16 + pin (PA1 = 1) and <paramref name="StatusLedLabel"/> names the Meadow pin.
/// </param>
/// <param name="StatusLedLabel">Where to find that pin on the board (header pin, silkscreen name).</param>
public sealed record GpioLayout(int Chip, int PinCount, int StatusLedPin, string StatusLedLabel);
