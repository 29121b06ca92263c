namespace FlightSw.Sim.Devices;

/// <summary>A write to the <see cref="SimPersistentStore"/> that a power loss cut short.</summary>
/// <param name="Key">The record written.</param>
/// <param name="KeptBytes">How many leading bytes of the new value reached the medium.</param>
/// <param name="NewLength">Length of the value the software wrote.</param>
/// <param name="OldLength">Length of the record before the write; 0 when there was none.</param>
/// <param name="WriteNumber">The write's number among all writes that reached the medium, torn ones included (1 for the first).</param>
public sealed record TornWrite(string Key, int KeptBytes, int NewLength, int OldLength, long WriteNumber);
