namespace FlightSw.Hal.Configuration;

/// <summary>
/// One problem found in a JSON configuration file by <see cref="JsonFieldReader"/> or
/// <see cref="JsonFileParser"/>; each loader turns it into its own error type.
/// </summary>
/// <param name="File">The file, as the path (or name) it was loaded from.</param>
/// <param name="Field">
/// JSON path of the offending field, for example <c>i2c.powerMonitor.address</c> or <c>events[2].at</c>;
/// <see cref="JsonFieldReader.DocumentField"/> when the problem is the document as a whole.
/// </param>
/// <param name="Reason">What is wrong and, where it helps, what is allowed.</param>
public sealed record JsonFieldProblem(string File, string Field, string Reason)
{
    /// <summary>The problem as one line: <c>{File}: {Field}: {Reason}</c>.</summary>
    public override string ToString() => $"{File}: {Field}: {Reason}";
}
