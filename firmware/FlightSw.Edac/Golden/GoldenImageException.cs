namespace FlightSw.Edac.Golden;

/// <summary>A golden image could not be used: its file is missing or unreadable, or its checksum is wrong.</summary>
public sealed class GoldenImageException : Exception
{
    /// <summary>Creates the exception for the image at <paramref name="path"/>.</summary>
    /// <param name="path">The golden image's file.</param>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The IO error behind it, if any.</param>
    public GoldenImageException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ImagePath = path;
    }

    /// <summary>The golden image's file.</summary>
    public string ImagePath { get; }
}
