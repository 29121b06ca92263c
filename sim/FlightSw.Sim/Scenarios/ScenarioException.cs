namespace FlightSw.Sim.Scenarios;

/// <summary>
/// A scenario file could not be used. <see cref="Errors"/> holds every problem found, not only the
/// first; <see cref="Exception.Message"/> names the file and lists them one per line.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/> (at least one, all of one file).</summary>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors.ToArray();
    }

    /// <summary>Every problem found in the file, in document order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A scenario exception needs at least one error.", nameof(errors));
        }

        var noun = errors.Count == 1 ? "error" : "errors";
        return $"Invalid scenario file {errors[0].File} ({errors.Count} {noun}):\n" + string.Join('\n', errors.Select(e => e.ToString()));
    }
}
