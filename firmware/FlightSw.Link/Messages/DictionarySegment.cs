using FlightSw.Link.Packets;

namespace FlightSw.Link.Messages;

/// <summary>One TM(200,2) packet's worth of the dictionary document.</summary>
/// <param name="Flags">The packet's sequence flags: First, Continuation, Last, or Unsegmented for a one-segment document.</param>
/// <param name="ApplicationData">u16 segment index, u16 segment count, then the segment's bytes.</param>
public readonly record struct DictionarySegment(SequenceFlags Flags, byte[] ApplicationData);
