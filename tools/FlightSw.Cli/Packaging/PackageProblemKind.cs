namespace FlightSw.Cli.Packaging;

/// <summary>What is wrong with one path of a package archive.</summary>
internal enum PackageProblemKind
{
    /// <summary>The manifest lists the file but the archive lacks it (or the archive lacks the manifest).</summary>
    Missing,

    /// <summary>The file's SHA-256 differs from the manifest's.</summary>
    Changed,

    /// <summary>The archive holds a file the manifest does not list (or a link, or a duplicate entry, or an entry outside the package folder).</summary>
    Extra,

    /// <summary>A manifest line is not <c>&lt;sha256&gt;  &lt;relative path&gt;</c>.</summary>
    Malformed,

    /// <summary>The file is not a readable gzip-compressed tar archive.</summary>
    Unreadable,
}
