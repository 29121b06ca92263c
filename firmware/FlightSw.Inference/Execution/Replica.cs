using FlightSw.Edac.Regions;
using FlightSw.Inference.Faults;

namespace FlightSw.Inference.Execution;

/// <summary>
/// One replica of a segment: its own weight region, arena and scratch, so replicas can run at the
/// same time on different threads. Carries the faults armed for its next run.
/// </summary>
internal sealed class Replica
{
    private readonly List<InferenceFault> _armed = [];

    public Replica(Segment segment, EccRegion weights, int index)
    {
        Segment = segment;
        Weights = weights;
        Index = index;
        Arena = new float[segment.ArenaLength];
        Scratch = new float[segment.ScratchLength];
    }

    public Segment Segment { get; }

    public EccRegion Weights { get; }

    public int Index { get; }

    public float[] Arena { get; }

    public float[] Scratch { get; }

    /// <summary>The weights as stored (uncorrected: scrubbing and voting protect them).</summary>
    public ReadOnlySpan<float> WeightSpan => Weights.Raw<float>();

    public ReadOnlySpan<float> Read(ValueSlot slot) => slot.InWeights
        ? WeightSpan.Slice(slot.Offset, slot.Length)
        : Arena.AsSpan(slot.Offset, slot.Length);

    public Span<float> Write(ValueSlot slot) => Arena.AsSpan(slot.Offset, slot.Length);

    public void Arm(InferenceFault fault) => _armed.Add(fault);

    public bool HasArmedFaults => _armed.Count > 0;

    /// <summary>Flips the armed weight bits in the region (they stay until repaired) and forgets them.</summary>
    public void FireWeightFaults()
    {
        for (int i = _armed.Count - 1; i >= 0; i--)
        {
            var fault = _armed[i];
            if (fault.Site != FaultSite.Weight)
            {
                continue;
            }

            // The upset lands in memory: every bit it changes is flipped in the codeword, so
            // the ECC sees it as it would see radiation.
            var step = Segment.StepNamed(fault.Layer)!;
            long floatIndex = (long)step.WeightOffset + fault.Element;
            int word = (int)(floatIndex / 2);
            int firstBit = (int)(floatIndex % 2) * 32;
            uint stored = BitConverter.SingleToUInt32Bits(WeightSpan[(int)floatIndex]);
            uint changed = stored ^ fault.Effect.Apply(stored);
            for (int bit = 0; bit < 32; bit++)
            {
                if ((changed & (1u << bit)) != 0)
                {
                    Weights.FlipBit(Weights.PhysicalBitOf(word, firstBit + bit));
                }
            }

            _armed.RemoveAt(i);
        }
    }

    /// <summary>Called by a step with its raw results <paramref name="block"/>, which start at output element <paramref name="blockStart"/>: fires an armed accumulator fault that falls in it.</summary>
    public void HitAccumulator(Step step, Span<float> block, int blockStart) => Hit(FaultSite.Accumulator, step, block, blockStart);

    /// <summary>Called after <paramref name="step"/> ran and was checked: fires an armed activation fault on its output.</summary>
    public void HitActivation(Step step) => Hit(FaultSite.Activation, step, Write(step.Output), 0);

    /// <summary>Drops faults that did not fire (their layer did not run, for example).</summary>
    public void Disarm() => _armed.Clear();

    private void Hit(FaultSite site, Step step, Span<float> block, int blockStart)
    {
        if (_armed.Count == 0)
        {
            return;
        }

        for (int i = _armed.Count - 1; i >= 0; i--)
        {
            var fault = _armed[i];
            int local = fault.Element - blockStart;
            if (fault.Site == site && fault.Layer == step.Name && local >= 0 && local < block.Length)
            {
                block[local] = fault.Effect.Apply(block[local]);
                _armed.RemoveAt(i);
            }
        }
    }
}
