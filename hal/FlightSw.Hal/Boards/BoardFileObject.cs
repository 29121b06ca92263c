namespace FlightSw.Hal.Boards;

/// <summary>One JSON object of a board file: where it sits, the fields it may have, the fields it must have.</summary>
/// <param name="Path">JSON path of the object; empty for the document root.</param>
/// <param name="Properties">Every field the loader accepts in the object, in the order the files list them.</param>
/// <param name="Required">The fields that must always be present (conditionally required ones are not listed).</param>
internal sealed record BoardFileObject(string Path, IReadOnlyList<string> Properties, IReadOnlyList<string> Required);
