namespace FlightSw.Hal.Boards;

/// <summary>
/// A board file could not be used. <see cref="Errors"/> holds every problem found, not only the
/// first; <see cref="Exception.Message"/> lists them one per line.
/// </summary>
public sealed class BoardDefinitionException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/> (at least one).</summary>
    public BoardDefinitionException(IReadOnlyList<BoardDefinitionError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors.ToArray();
    }

    /// <summary>Every problem found in the file, in document order.</summary>
    public IReadOnlyList<BoardDefinitionError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<BoardDefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A board definition exception needs at least one error.", nameof(errors));
        }

        var noun = errors.Count == 1 ? "error" : "errors";
        var lines = errors.Select(e => e.ToString());
        return $"Invalid board file {errors[0].File} ({errors.Count} {noun}):\n" + string.Join('\n', lines);
    }
}
