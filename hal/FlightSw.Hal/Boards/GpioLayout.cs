namespace FlightSw.Hal.Boards;

/// <summary>The GPIO controller and the pins the flight software uses.</summary>
/// <param name="Chip">GPIO chip number (libgpiod <c>gpiochipN</c>); 0 where the board has one controller.</param>
/// <param name="PinCount">Number of lines on that chip.</param>
/// <param name="StatusLedPin">Line (in the chip's logical numbering) that drives the status LED.</param>
/// <param name="StatusLedLabel">Where to find that pin on the board (header pin, silkscreen name).</param>
public sealed record GpioLayout(int Chip, int PinCount, int StatusLedPin, string StatusLedLabel);
