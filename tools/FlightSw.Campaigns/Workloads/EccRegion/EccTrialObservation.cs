using FlightSw.Edac.Recovery;

namespace FlightSw.Campaigns.Workloads.EccRegion;

/// <summary>What one ECC-region trial saw, from the upset to the consumer's read-back.</summary>
/// <param name="FlippedBits">Physical bits the upset inverted (none for a stuck-at bit that already held its value).</param>
/// <param name="ScrubCorrected">Words the patrol scrub corrected (a miscorrection counts here too: the code cannot tell).</param>
/// <param name="ScrubUncorrectable">Words the patrol scrub found uncorrectable.</param>
/// <param name="Recovery">What the region's recovery did with them; null when there were none.</param>
/// <param name="ReadCorrected">Words the consumer's correcting read still corrected.</param>
/// <param name="Unreadable">Words the consumer's read found uncorrectable: detected, no usable data.</param>
/// <param name="Wrong">Words the consumer read without complaint but that differ from the golden data.</param>
/// <param name="FirstWrongWord">The first of <paramref name="Wrong"/>, or -1.</param>
internal sealed record EccTrialObservation(
    int FlippedBits,
    int ScrubCorrected,
    int ScrubUncorrectable,
    RecoveryResult? Recovery,
    int ReadCorrected,
    int Unreadable,
    int Wrong,
    int FirstWrongWord);
