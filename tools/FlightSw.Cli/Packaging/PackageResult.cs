namespace FlightSw.Cli.Packaging;

/// <summary>A package written by <see cref="NodePackager"/>.</summary>
/// <param name="ArchivePath">Full path of the <c>.tar.gz</c>.</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Files">How many files it holds, the manifest included.</param>
/// <param name="Board">The board it was made for.</param>
/// <param name="Version">Its version.</param>
/// <param name="RuntimeIdentifier">The runtime it was published for.</param>
/// <param name="SelfContained">Whether the .NET runtime is inside.</param>
internal sealed record PackageResult(string ArchivePath, long Bytes, int Files, string Board, string Version, string RuntimeIdentifier, bool SelfContained);
