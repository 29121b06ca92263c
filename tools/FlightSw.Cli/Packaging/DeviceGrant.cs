namespace FlightSw.Cli.Packaging;

/// <summary>A device node the node's service needs, and the group given access to it.</summary>
/// <param name="Path">The device path from the board file (for example <c>/dev/i2c-1</c>); it may be a symlink such as <c>/dev/serial0</c>.</param>
/// <param name="Group">The group that owns it (mode 0660) and that the service joins: <c>gpio</c>, <c>i2c</c>, <c>watchdog</c> or <c>dialout</c>.</param>
/// <param name="What">What it is, for comments and the README (for example <c>I2C bus 1</c>).</param>
internal sealed record DeviceGrant(string Path, string Group, string What)
{
    /// <summary>The device's file name (<c>i2c-1</c>).</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}
