namespace FlightSw.Edac.Recovery;

/// <summary>The result of one recovery of a region's uncorrectable words.</summary>
/// <param name="Outcome">Recovered, Escalated or Failed.</param>
/// <param name="WordsRecovered">Words rewritten; zero unless <see cref="RecoveryOutcome.Recovered"/>.</param>
/// <param name="BitsRepaired">
/// Bits that differed between what was stored and what was restored, data and check bits: for
/// each word, popcount(stored data XOR restored data) + popcount(stored check XOR re-encoded
/// check). After an injection it equals the number of bits flipped in those words.
/// </param>
/// <param name="Detail">A sentence for the event log: what was done, or why not.</param>
public readonly record struct RecoveryResult(RecoveryOutcome Outcome, int WordsRecovered, long BitsRepaired, string Detail);
