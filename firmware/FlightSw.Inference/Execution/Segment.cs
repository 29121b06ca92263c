namespace FlightSw.Inference.Execution;

/// <summary>
/// A compiled run of consecutive graph nodes: its steps, where its inputs and outputs live in the
/// arena, the arena and scratch sizes, and the weight image every replica of it loads.
/// </summary>
internal sealed class Segment(IReadOnlyList<Step> steps, IReadOnlyList<(string Name, ValueSlot Slot)> inputs, IReadOnlyList<(string Name, ValueSlot Slot)> outputs, int arenaLength, int scratchLength, float[] weightImage)
{
    private readonly Dictionary<string, Step> _byName = steps.ToDictionary(step => step.Name, StringComparer.Ordinal);

    public IReadOnlyList<Step> Steps { get; } = steps;

    public IReadOnlyList<(string Name, ValueSlot Slot)> Inputs { get; } = inputs;

    public IReadOnlyList<(string Name, ValueSlot Slot)> Outputs { get; } = outputs;

    public int ArenaLength { get; } = arenaLength;

    public int ScratchLength { get; } = scratchLength;

    /// <summary>The packed weights as compiled; copied into each replica's region at load.</summary>
    public float[] WeightImage { get; } = weightImage;

    public Step? StepNamed(string name) => _byName.GetValueOrDefault(name);
}
