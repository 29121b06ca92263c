using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Linux;

/// <summary>
/// A Linux board cannot open because devices it needs are missing or not usable. The message
/// names the board, its board file, and every problem with what provides the device.
/// </summary>
public sealed class LinuxBoardException : Exception
{
    /// <summary>Creates the exception for <paramref name="board"/> and its <paramref name="problems"/> (at least one).</summary>
    public LinuxBoardException(BoardDefinition board, IReadOnlyList<DeviceProblem> problems)
        : base(FormatMessage(board, problems))
    {
        BoardName = board.Name;
        SourceFile = board.SourceFile;
        Problems = problems.ToArray();
    }

    /// <summary>The board's name.</summary>
    public string BoardName { get; }

    /// <summary>The board file.</summary>
    public string SourceFile { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DeviceProblem> Problems { get; }

    private static string FormatMessage(BoardDefinition board, IReadOnlyList<DeviceProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A Linux board exception needs at least one problem.", nameof(problems));
        }

        string count = problems.Count == 1 ? "1 device is" : $"{problems.Count} devices are";
        return $"The embedded Linux backend cannot open board '{board.Name}' ({board.Description}; board file {board.SourceFile}): {count} missing or not usable.\n"
            + string.Join('\n', problems.Select(problem => "  - " + problem))
            + "\nSee \"Running on a real board\" in README.md.";
    }
}
