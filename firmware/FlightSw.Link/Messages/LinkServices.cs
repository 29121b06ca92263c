namespace FlightSw.Link.Messages;

/// <summary>The PUS-style (service type, subtype) numbers of FlightSw's link messages.</summary>
public static class LinkServices
{
    /// <summary>Service 1, request verification (acknowledgements).</summary>
    public const byte Verification = 1;

    /// <summary>TM(1,1): the telecommand was accepted.</summary>
    public const byte AcceptSuccess = 1;

    /// <summary>TM(1,2): the telecommand was refused; the code is a <see cref="Security.LinkRefusal"/>.</summary>
    public const byte AcceptFailure = 2;

    /// <summary>TM(1,7): the command completed.</summary>
    public const byte CompleteSuccess = 7;

    /// <summary>TM(1,8): the command failed; the code is a <see cref="Core.Commands.CommandStatus"/>.</summary>
    public const byte CompleteFailure = 8;

    /// <summary>Service 3, housekeeping.</summary>
    public const byte Housekeeping = 3;

    /// <summary>TM(3,25): housekeeping parameter report.</summary>
    public const byte HousekeepingReport = 25;

    /// <summary>Service 5, event reporting; subtypes 1 to 4 by severity (<see cref="EventReportCodec.SubtypeFor"/>).</summary>
    public const byte EventReporting = 5;

    /// <summary>TM(5,1): informative event report.</summary>
    public const byte InformativeEvent = 1;

    /// <summary>TM(5,2): low-severity anomaly report.</summary>
    public const byte LowSeverityEvent = 2;

    /// <summary>TM(5,3): medium-severity anomaly report.</summary>
    public const byte MediumSeverityEvent = 3;

    /// <summary>TM(5,4): high-severity anomaly report.</summary>
    public const byte HighSeverityEvent = 4;

    /// <summary>Service 8, function management.</summary>
    public const byte FunctionManagement = 8;

    /// <summary>TC(8,1): perform a flight command (<see cref="FlightCommandCodec"/>).</summary>
    public const byte PerformFunction = 1;

    /// <summary>Service 17, test.</summary>
    public const byte Test = 17;

    /// <summary>TC(17,1): are you alive.</summary>
    public const byte AreYouAlive = 1;

    /// <summary>TM(17,2): alive report.</summary>
    public const byte AliveReport = 2;

    /// <summary>Service 200 (mission specific): the link itself.</summary>
    public const byte Link = 200;

    /// <summary>TM(200,1): link status, the hello (<see cref="LinkStatusReport"/>).</summary>
    public const byte LinkStatus = 1;

    /// <summary>TC(200,1): dump the dictionary.</summary>
    public const byte DumpDictionary = 1;

    /// <summary>TM(200,2): one segment of the XTCE dictionary (<see cref="DictionarySegmentCodec"/>).</summary>
    public const byte DictionarySegment = 2;

    /// <summary>Service 210 (mission specific): simulation control, on APID <see cref="Packets.LinkApids.SimControl"/>.</summary>
    public const byte SimControl = 210;

    /// <summary>TC(210,1): run the simulated board for a span of virtual time (u64 ticks of 100 ns).</summary>
    public const byte RunFor = 1;

    /// <summary>TM(210,2): the simulated board ran (u64 elapsed ticks, u8 running, u32 boots).</summary>
    public const byte Ran = 2;
}
