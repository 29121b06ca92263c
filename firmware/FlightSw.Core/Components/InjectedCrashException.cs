namespace FlightSw.Core.Components;

/// <summary>A crash made on purpose by fault injection, so that boot-loop protection can be exercised.</summary>
public sealed class InjectedCrashException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InjectedCrashException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public InjectedCrashException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public InjectedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
