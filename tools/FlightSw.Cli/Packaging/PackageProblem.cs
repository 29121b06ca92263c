namespace FlightSw.Cli.Packaging;

/// <summary>One problem found verifying a package archive.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Path">The path concerned, relative to the package folder (the archive's path when it is unreadable).</param>
/// <param name="Detail">What was expected and found.</param>
internal sealed record PackageProblem(PackageProblemKind Kind, string Path, string Detail)
{
    /// <summary>One line: <c>changed: flightsw-node.dll (manifest ..., archive ...)</c>.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}: {Path} ({Detail})";
}
