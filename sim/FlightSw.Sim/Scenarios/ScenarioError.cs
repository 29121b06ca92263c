using FlightSw.Hal.Configuration;

namespace FlightSw.Sim.Scenarios;

/// <summary>One problem found in a scenario file.</summary>
/// <param name="File">The scenario file, as the path (or name) it was loaded from.</param>
/// <param name="Field">
/// JSON path of the offending field, for example <c>battery.capacityWattHours</c>, <c>events[2].at</c>
/// or <c>battery.curve[3][1]</c>; <c>(document)</c> when the problem is the document as a whole.
/// </param>
/// <param name="Reason">What is wrong and, where it helps, what is allowed.</param>
public sealed record ScenarioError(string File, string Field, string Reason)
{
    /// <summary>Field name used for problems of the document as a whole.</summary>
    public const string DocumentField = JsonFieldReader.DocumentField;

    /// <summary>The error as one line: <c>{File}: {Field}: {Reason}</c>.</summary>
    public override string ToString() => $"{File}: {Field}: {Reason}";

    /// <summary>The scenario file error for a problem the shared JSON reader found.</summary>
    internal static ScenarioError From(JsonFieldProblem problem) => new(problem.File, problem.Field, problem.Reason);
}
