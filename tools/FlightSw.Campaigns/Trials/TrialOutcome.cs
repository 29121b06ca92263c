namespace FlightSw.Campaigns.Trials;

/// <summary>How one injected fault ended (JSON: <c>masked</c>, <c>corrected</c>, <c>detected-recovered</c>, <c>due</c>, <c>sdc</c>, <c>crash</c>, <c>hang</c>).</summary>
public enum TrialOutcome
{
    /// <summary>Nothing noticed it and the answer is right.</summary>
    Masked,

    /// <summary>The ECC corrected it; the answer is right.</summary>
    Corrected,

    /// <summary>A vote, checksum, reload or restart noticed and repaired it; the answer is right.</summary>
    DetectedRecovered,

    /// <summary>Detected but not recoverable: no usable answer, and the system knows it.</summary>
    Due,

    /// <summary>Silent data corruption: a different answer, and nothing noticed.</summary>
    Sdc,

    /// <summary>An exception escaped the workload.</summary>
    Crash,

    /// <summary>No answer within ten times the golden run's time.</summary>
    Hang,
}
