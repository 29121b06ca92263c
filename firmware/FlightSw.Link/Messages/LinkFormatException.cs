namespace FlightSw.Link.Messages;

/// <summary>Application data that is not well formed; the message says what was wrong and where.</summary>
public sealed class LinkFormatException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public LinkFormatException()
        : base("The application data is not well formed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public LinkFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public LinkFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
