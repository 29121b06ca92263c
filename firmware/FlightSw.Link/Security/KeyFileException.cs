namespace FlightSw.Link.Security;

/// <summary>A key file cannot be used; the message names the file, the line when there is one, and what is wrong.</summary>
public sealed class KeyFileException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public KeyFileException()
        : base("The key file cannot be used.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public KeyFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public KeyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
