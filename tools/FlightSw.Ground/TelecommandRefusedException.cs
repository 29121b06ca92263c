using FlightSw.Link.Security;

namespace FlightSw.Ground;

/// <summary>
/// The node refused a telecommand the client needed to go on (at connect: the dictionary
/// request), for example because it does not accept the key it was signed with.
/// </summary>
public sealed class TelecommandRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TelecommandRefusedException()
        : this(LinkRefusal.None, "The node refused the telecommand.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public TelecommandRefusedException(string message)
        : this(LinkRefusal.None, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TelecommandRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refusal by the link with <paramref name="refusal"/>.</summary>
    public TelecommandRefusedException(LinkRefusal refusal, string message)
        : base(message)
    {
        Refusal = refusal;
    }

    /// <summary>Why the link refused the telecommand.</summary>
    public LinkRefusal Refusal { get; }
}
