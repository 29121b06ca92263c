namespace FlightSw.Inference.Models.Loading;

/// <summary>Exception messages made fit for a refusal reason.</summary>
internal static class ExceptionText
{
    /// <summary>The message without the "(Parameter 'x')" suffix argument exceptions add, which means nothing to a model's author.</summary>
    public static string Of(Exception exception) => exception is ArgumentException { ParamName: { } name }
        ? exception.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)
        : exception.Message;
}
