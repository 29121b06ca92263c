namespace FlightSw.Hal.Linux;

/// <summary>A device or directory a board needs that this system does not offer, and what provides it.</summary>
/// <param name="Device">The path, for example <c>/dev/i2c-1</c>.</param>
/// <param name="Role">What the board uses it for, for example "I2C bus 1: power monitor ina219 at 0x40".</param>
/// <param name="Problem">What is wrong, for example "is missing".</param>
/// <param name="Remedy">What provides it, or the permission to use it, on a Raspberry Pi-like board.</param>
public sealed record DeviceProblem(string Device, string Role, string Problem, string Remedy)
{
    /// <summary>One line: device, problem, role and remedy.</summary>
    public override string ToString() => $"{Device} {Problem} ({Role}). {Remedy}";
}
