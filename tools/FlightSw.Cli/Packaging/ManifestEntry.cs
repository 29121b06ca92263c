namespace FlightSw.Cli.Packaging;

/// <summary>One line of <c>MANIFEST.sha256</c>: a file of the package and its SHA-256.</summary>
/// <param name="Path">The file's path relative to the package folder, with <c>/</c> separators.</param>
/// <param name="Sha256">Its SHA-256 as 64 lowercase hexadecimal digits.</param>
internal sealed record ManifestEntry(string Path, string Sha256);
