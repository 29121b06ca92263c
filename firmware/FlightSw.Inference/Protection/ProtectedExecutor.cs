using System.Runtime.InteropServices;
using FlightSw.Edac.Recovery;
using FlightSw.Edac.Regions;
using FlightSw.Inference.Execution;
using FlightSw.Inference.Faults;
using FlightSw.Inference.Models;

namespace FlightSw.Inference.Protection;

/// <summary>
/// Runs a planned model under its protection: gives every replica its own weight region, runs
/// the replicas (one after another or in parallel), recomputes steps whose checks fail, votes,
/// and repairs the weights of a replica that was outvoted or failed a check: scrub first (the
/// ECC corrects what it can), then restore words that still differ from the other replicas'
/// majority or, with fewer than three copies, from the model rebuilt from its verified source.
/// </summary>
internal sealed class ProtectedExecutor
{
    private readonly ModelGraph _graph;
    private readonly IReadOnlyList<PlannedSegment> _plan;
    private readonly ProtectionMode _protection;
    private readonly ReplicaScheduling _scheduling;
    private readonly ModelSource _source;
    private readonly Replica[][] _replicas;
    private readonly SegmentInputSource[][] _inputSources;
    private readonly int[] _selected;
    private readonly ReplicaRun[] _runs = new ReplicaRun[3];
    private float[][]? _golden;
    private string? _lastRepairFailure;

    public ProtectedExecutor(ModelGraph graph, IReadOnlyList<PlannedSegment> plan, ProtectionMode protection, ReplicaScheduling scheduling, ModelSource source, string regionPrefix)
    {
        _graph = graph;
        _plan = plan;
        _protection = protection;
        _scheduling = scheduling;
        _source = source;
        _replicas = new Replica[plan.Count][];
        _inputSources = new SegmentInputSource[plan.Count][];
        _selected = new int[plan.Count];
        var regions = new List<EccRegion>();
        for (int s = 0; s < plan.Count; s++)
        {
            var segment = plan[s].Segment;
            _replicas[s] = new Replica[plan[s].Replicas];
            for (int r = 0; r < plan[s].Replicas; r++)
            {
                int segmentIndex = s;
                int replicaIndex = r;
                string part = plan.Count == 1 ? string.Empty : (s == plan.Count - 1 ? ".head" : ".body");
                var region = new EccRegion(new EccRegionOptions
                {
                    Name = $"{regionPrefix}{part}.r{r}",
                    WordCount = segment.WeightImage.Length / 2,
                    Importance = RegionImportance.High,
                    Recovery = RegionRecovery.Recompute(word => RepairValue(segmentIndex, replicaIndex, word)),
                });
                region.Load(MemoryMarshal.AsBytes(segment.WeightImage.AsSpan()));
                regions.Add(region);
                _replicas[s][r] = new Replica(segment, region, r);
            }

            _inputSources[s] = [.. segment.Inputs.Select(input => SourceOf(s, input.Name))];
        }

        Regions = regions;
        Layers = [.. plan.SelectMany(p => p.Segment.Steps).Select(step => step.Describe())];
    }

    public IReadOnlyList<EccRegion> Regions { get; }

    /// <summary>The replicas of each segment, for benchmarks that time layers one by one.</summary>
    internal IReadOnlyList<IReadOnlyList<Replica>> Replicas => _replicas;

    public IReadOnlyList<LayerInfo> Layers { get; }

    public int ReplicasOf(string layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        for (int s = 0; s < _plan.Count; s++)
        {
            if (_plan[s].Segment.StepNamed(layer) is not null)
            {
                return _plan[s].Replicas;
            }
        }

        throw new ArgumentException($"No layer is named '{layer}'; the layers are: {string.Join(", ", Layers.Select(l => l.Name))}.", nameof(layer));
    }

    public void Arm(InferenceFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        for (int s = 0; s < _plan.Count; s++)
        {
            var step = _plan[s].Segment.StepNamed(fault.Layer);
            if (step is null)
            {
                continue;
            }

            if (fault.Replica < 0 || fault.Replica >= _plan[s].Replicas)
            {
                throw new ArgumentException($"Layer '{fault.Layer}' runs on {_plan[s].Replicas} replica(s) under {_protection}; replica {fault.Replica} does not exist.", nameof(fault));
            }

            if (fault.Bit is < 0 or > 31)
            {
                throw new ArgumentException($"Bit {fault.Bit} is outside a float32 (0 to 31).", nameof(fault));
            }

            int limit = fault.Site == FaultSite.Weight ? step.WeightCount : step.Output.Length;
            if (fault.Site == FaultSite.Accumulator && !step.HasAccumulator)
            {
                throw new ArgumentException($"Layer '{fault.Layer}' ({step.OpType}) has no accumulator; aim at a GEMM or convolution layer.", nameof(fault));
            }

            if (fault.Element < 0 || fault.Element >= limit)
            {
                throw new ArgumentException($"Element {fault.Element} is outside layer '{fault.Layer}''s {fault.Site.ToString().ToLowerInvariant()}s (0 to {limit - 1}).", nameof(fault));
            }

            _replicas[s][fault.Replica].Arm(fault);
            return;
        }

        throw new ArgumentException($"No layer is named '{fault.Layer}'; the layers are: {string.Join(", ", Layers.Select(layer => layer.Name))}.", nameof(fault));
    }

    public InferenceResult Run(IReadOnlyList<float[]> inputs, IReadOnlyList<float[]> outputs)
    {
        _golden = null;
        _lastRepairFailure = null;
        foreach (var replicas in _replicas)
        {
            foreach (var replica in replicas)
            {
                replica.FireWeightFaults();
            }
        }

        var outcome = _protection == ProtectionMode.None ? InferenceOutcome.Unchecked : InferenceOutcome.Unanimous;
        int recomputations = 0;
        int faulty = -1;
        string detail = "every replica and check agreed";
        try
        {
            for (int s = 0; s < _plan.Count; s++)
            {
                Feed(s, inputs);
                var (segmentOutcome, segmentRecomputations, segmentFaulty, segmentDetail) = RunSegment(s, inputs);
                recomputations += segmentRecomputations;
                if (segmentOutcome > outcome)
                {
                    outcome = segmentOutcome;
                    detail = segmentDetail;
                }

                if (segmentFaulty >= 0)
                {
                    faulty = segmentFaulty;
                }

                if (segmentOutcome == InferenceOutcome.Failed)
                {
                    break;
                }
            }

            if (outcome != InferenceOutcome.Failed)
            {
                Collect(outputs);
            }
        }
        finally
        {
            foreach (var replicas in _replicas)
            {
                foreach (var replica in replicas)
                {
                    replica.Disarm();
                }
            }

            _golden = null;
        }

        if (outcome == InferenceOutcome.Unchecked)
        {
            detail = "unprotected";
        }

        return new InferenceResult(outcome, faulty, recomputations, detail);
    }

    private (InferenceOutcome Outcome, int Recomputations, int Faulty, string Detail) RunSegment(int s, IReadOnlyList<float[]> inputs)
    {
        var planned = _plan[s];
        var replicas = _replicas[s];
        RunReplicas(replicas, planned.Checked);
        if (planned.Replicas == 1)
        {
            _selected[s] = 0;
            var run = _runs[0];
            if (!run.Completed)
            {
                return (InferenceOutcome.Failed, run.Recomputations, -1, run.Detail);
            }

            var single = !planned.Checked ? InferenceOutcome.Unchecked : (run.Recomputations > 0 ? InferenceOutcome.Recomputed : InferenceOutcome.Unanimous);
            return (single, run.Recomputations, -1, run.Detail);
        }

        if (planned.Replicas == 2)
        {
            _selected[s] = 0;
            if (Agree(s, 0, 1))
            {
                return (InferenceOutcome.Unanimous, 0, -1, string.Empty);
            }

            int repaired = Repair(replicas[0]) + Repair(replicas[1]);

            // The arenas reused the input buffers during the run: feed them again.
            Feed(s, inputs);
            RunReplicas(replicas, planned.Checked);
            return Agree(s, 0, 1)
                ? (InferenceOutcome.Recomputed, 2, -1, $"the two replicas disagreed; {repaired} weight word(s) repaired and both recomputed, now agreeing")
                : (InferenceOutcome.Failed, 2, -1, $"the two replicas disagreed again after {repaired} weight word(s) were repaired and both recomputed");
        }

        int outvoted = Vote(s);
        if (outvoted == -1)
        {
            return (InferenceOutcome.Unanimous, 0, -1, string.Empty);
        }

        if (outvoted >= 0)
        {
            int repairedWords = Repair(replicas[outvoted]);
            return (InferenceOutcome.Masked, 0, outvoted, $"replica {outvoted} was outvoted 2-1; {repairedWords} weight word(s) of its region '{replicas[outvoted].Weights.Name}' repaired");
        }

        int repairedAll = replicas.Sum(Repair);
        Feed(s, inputs);
        RunReplicas(replicas, planned.Checked);
        int second = Vote(s);
        if (second >= 0)
        {
            repairedAll += Repair(replicas[second]);
        }

        return second == -2
            ? (InferenceOutcome.Failed, 3, -1, $"the three replicas split three ways, and again after {repairedAll} weight word(s) were repaired and all recomputed")
            : (InferenceOutcome.Recomputed, 3, second, $"the three replicas split three ways; {repairedAll} weight word(s) repaired and all recomputed, now agreeing");
    }

    private void RunReplicas(Replica[] replicas, bool check)
    {
        if (replicas.Length == 1 || _scheduling == ReplicaScheduling.Sequential)
        {
            for (int r = 0; r < replicas.Length; r++)
            {
                _runs[r] = RunReplica(replicas[r], check);
            }

            return;
        }

        Parallel.For(0, replicas.Length, r => _runs[r] = RunReplica(replicas[r], check));
    }

    private ReplicaRun RunReplica(Replica replica, bool check)
    {
        int recomputations = 0;
        string detail = string.Empty;
        foreach (var step in replica.Segment.Steps)
        {
            if (!step.Run(replica, check))
            {
                recomputations++;
                detail = $"layer '{step.Name}' failed its {(step is DepthwiseConvStep ? "duplicate comparison" : "checksum")} and was recomputed";
                if (!step.Run(replica, check))
                {
                    // A result wrong twice points at the weights: repair them, then try once more.
                    int repaired = Repair(replica);
                    recomputations++;
                    detail = $"layer '{step.Name}' failed its check twice; {repaired} weight word(s) repaired and the layer recomputed";
                    if (!step.Run(replica, check))
                    {
                        string why = _lastRepairFailure is null ? string.Empty : $" ({_lastRepairFailure})";
                        return new ReplicaRun(false, recomputations, $"layer '{step.Name}' still fails its check after {repaired} weight word(s) were repaired{why}");
                    }
                }
            }

            replica.HitActivation(step);
        }

        return new ReplicaRun(true, recomputations, detail);
    }

    private int Vote(int s)
    {
        int outvoted = ReplicaVote.Outvoted(Agree(s, 0, 1), Agree(s, 0, 2), Agree(s, 1, 2));
        _selected[s] = outvoted == 0 ? 1 : 0;
        return outvoted;
    }

    private bool Agree(int s, int a, int b)
    {
        foreach (var (_, slot) in _plan[s].Segment.Outputs)
        {
            if (!ReplicaVote.Same(_replicas[s][a].Read(slot), _replicas[s][b].Read(slot)))
            {
                return false;
            }
        }

        return true;
    }

    private void Feed(int s, IReadOnlyList<float[]> inputs)
    {
        var segment = _plan[s].Segment;
        for (int i = 0; i < segment.Inputs.Count; i++)
        {
            var source = _inputSources[s][i];
            ReadOnlySpan<float> values;
            if (source.GraphInput >= 0)
            {
                values = inputs[source.GraphInput];
            }
            else
            {
                var producer = _replicas[source.Segment][_selected[source.Segment]];
                values = producer.Read(_plan[source.Segment].Segment.Outputs[source.Output].Slot);
            }

            foreach (var replica in _replicas[s])
            {
                values.CopyTo(replica.Write(segment.Inputs[i].Slot));
            }
        }
    }

    private void Collect(IReadOnlyList<float[]> outputs)
    {
        int last = _plan.Count - 1;
        var segment = _plan[last].Segment;
        var replicas = _replicas[last];
        for (int o = 0; o < segment.Outputs.Count; o++)
        {
            var slot = segment.Outputs[o].Slot;
            if (replicas.Length == 3)
            {
                ReplicaVote.Majority(replicas[0].Read(slot), replicas[1].Read(slot), replicas[2].Read(slot), outputs[o]);
            }
            else
            {
                replicas[_selected[last]].Read(slot).CopyTo(outputs[o]);
            }
        }
    }

    /// <summary>Repairs a replica's weights; returns the words repaired.</summary>
    private int Repair(Replica replica)
    {
        var region = replica.Weights;
        var scrub = region.Scrub(0, region.WordCount);
        int repaired = scrub.CorrectedWords;
        if (!scrub.IsClean)
        {
            var recovery = region.Recover(scrub.UncorrectableWords);
            repaired += recovery.Outcome == RecoveryOutcome.Recovered ? scrub.UncorrectableWords.Count : 0;
        }

        // A word the code cannot see as wrong (a miscorrected multi-bit upset) still differs from
        // the other copies: restore it from them. A single copy is compared with the rebuilt
        // model only when the scrub found nothing, since rebuilding it costs a model load.
        if (_replicas[SegmentOf(replica)].Length > 1 || repaired == 0)
        {
            try
            {
                repaired += RestoreDifferingWords(replica);
            }
            catch (Exception exception) when (exception is InvalidDataException or ModelLoadException)
            {
                // No trustworthy copy to compare with: the weights stay as they are, and the
                // check that brought us here fails again and reports the run as failed.
                _lastRepairFailure = exception.Message;
            }
        }

        return repaired;
    }

    private int RestoreDifferingWords(Replica replica)
    {
        int s = SegmentOf(replica);
        var replicas = _replicas[s];
        var own = replica.Weights.Raw<ulong>();
        int restored = 0;
        if (replicas.Length == 3)
        {
            var a = replicas[replica.Index == 0 ? 1 : 0].Weights.Raw<ulong>();
            var b = replicas[replica.Index == 2 ? 1 : 2].Weights.Raw<ulong>();
            for (int word = 0; word < own.Length; word++)
            {
                if (own[word] != a[word] || own[word] != b[word])
                {
                    ulong good = a[word] == b[word] ? a[word] : Golden(s)[word];
                    if (own[word] != good)
                    {
                        replica.Weights.WriteWord(word, good);
                        restored++;
                    }
                }
            }

            return restored;
        }

        if (replicas.Length == 2)
        {
            // Two copies cannot outvote each other: where they differ, the rebuilt model decides.
            var other = replicas[1 - replica.Index].Weights.Raw<ulong>();
            for (int word = 0; word < own.Length; word++)
            {
                if (own[word] != other[word] && own[word] != Golden(s)[word])
                {
                    replica.Weights.WriteWord(word, Golden(s)[word]);
                    restored++;
                }
            }

            return restored;
        }

        var golden = Golden(s);
        for (int word = 0; word < own.Length; word++)
        {
            if (own[word] != golden[word])
            {
                replica.Weights.WriteWord(word, golden[word]);
                restored++;
            }
        }

        return restored;
    }

    // The correct value of a weight word: the other two replicas' when there are three and they
    // agree, otherwise the verified model's, rebuilt from its source.
    private ulong RepairValue(int s, int replica, int word)
    {
        var replicas = _replicas[s];
        if (replicas.Length == 3)
        {
            ulong a = replicas[replica == 0 ? 1 : 0].Weights.Raw<ulong>()[word];
            ulong b = replicas[replica == 2 ? 1 : 2].Weights.Raw<ulong>()[word];
            if (a == b)
            {
                return a;
            }
        }

        return Golden(s)[word];
    }

    private ReadOnlySpan<ulong> Golden(int s)
    {
        var golden = _golden ??= RebuildImages();
        return MemoryMarshal.Cast<float, ulong>(golden[s].AsSpan());
    }

    private float[][] RebuildImages()
    {
        var graph = OnnxModelLoader.Load(_source.LoadVerified(), _source.Name);
        var plan = ExecutionPlan.Create(graph, _protection);
        return [.. plan.Select(p => p.Segment.WeightImage)];
    }

    private int SegmentOf(Replica replica)
    {
        for (int s = 0; s < _replicas.Length; s++)
        {
            if (_replicas[s].Contains(replica))
            {
                return s;
            }
        }

        throw new InvalidOperationException("The replica belongs to no segment.");
    }

    private SegmentInputSource SourceOf(int segment, string name)
    {
        for (int i = 0; i < _graph.Inputs.Count; i++)
        {
            if (_graph.Inputs[i].Name == name)
            {
                return new SegmentInputSource(i, -1, -1);
            }
        }

        for (int s = segment - 1; s >= 0; s--)
        {
            var outputs = _plan[s].Segment.Outputs;
            for (int o = 0; o < outputs.Count; o++)
            {
                if (outputs[o].Name == name)
                {
                    return new SegmentInputSource(-1, s, o);
                }
            }
        }

        throw new ModelLoadException($"value '{name}'", "is read by the voted head but produced nowhere before it");
    }
}
