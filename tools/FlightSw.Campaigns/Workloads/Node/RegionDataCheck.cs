namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>One ECC region whose contents, read through the code's correction at the end of a trial, differ from the golden flight's.</summary>
/// <param name="Region">The region.</param>
/// <param name="SilentlyWrong">Words the correcting read returns without complaint but wrong (a miscorrection, or an upset the code takes for clean).</param>
/// <param name="Unreadable">Words the correcting read reports uncorrectable: wrong, but any consumer would know.</param>
internal sealed record RegionDataCheck(string Region, int SilentlyWrong, int Unreadable);
