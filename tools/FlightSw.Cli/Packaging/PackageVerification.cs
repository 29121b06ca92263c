namespace FlightSw.Cli.Packaging;

/// <summary>The result of verifying one package archive.</summary>
/// <param name="Archive">The archive's path.</param>
/// <param name="Folder">The package folder at its top (<c>flightsw-node-BOARD-VERSION</c>), or null when none was found.</param>
/// <param name="FilesChecked">How many manifest entries were found with the right SHA-256.</param>
/// <param name="Problems">Every problem, in path order; empty when the package is intact.</param>
internal sealed record PackageVerification(string Archive, string? Folder, int FilesChecked, IReadOnlyList<PackageProblem> Problems)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool Passed => Problems.Count == 0;
}
