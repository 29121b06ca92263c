using FlightSw.Hal.Configuration;

namespace FlightSw.Hal.Boards;

/// <summary>One problem found in a board file.</summary>
/// <param name="File">The board file, as the path it was loaded from.</param>
/// <param name="Field">
/// JSON path of the offending field, for example <c>i2c.powerMonitor.address</c> or <c>i2c.buses[1]</c>;
/// <c>(document)</c> when the problem is the document as a whole.
/// </param>
/// <param name="Reason">What is wrong and, where it helps, what is allowed.</param>
public sealed record BoardDefinitionError(string File, string Field, string Reason)
{
    /// <summary>The error as one line: <c>{File}: {Field}: {Reason}</c>.</summary>
    public override string ToString() => $"{File}: {Field}: {Reason}";

    /// <summary>The board file error for a problem the shared JSON reader found.</summary>
    internal static BoardDefinitionError From(JsonFieldProblem problem) => new(problem.File, problem.Field, problem.Reason);
}
