using FlightSw.Edac.Regions;

namespace FlightSw.Edac.Scrubbing;

/// <summary>A run of words of one region to scrub next.</summary>
/// <param name="Region">The region.</param>
/// <param name="StartWord">First word.</param>
/// <param name="WordCount">Words in the run.</param>
/// <param name="EndsRegion">True when the run reaches the end of the region.</param>
public readonly record struct ScrubChunk(EccRegion Region, int StartWord, int WordCount, bool EndsRegion);
