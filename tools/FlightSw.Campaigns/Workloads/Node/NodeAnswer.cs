namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>One inference the node's job ran: what it published (or that it could not).</summary>
/// <param name="Sample">The sample it ran on (the job starts again at sample 0 after every reset).</param>
/// <param name="Usable">False when the inference failed and published nothing (INFER_FAILED).</param>
/// <param name="Class">The class published (INFER_CLASS); -1 when none.</param>
/// <param name="Score">The score published (INFER_SCORE); NaN when none.</param>
/// <param name="At">Virtual time since power-on.</param>
internal readonly record struct NodeAnswer(int Sample, bool Usable, int Class, float Score, TimeSpan At)
{
    /// <summary>Whether this answer publishes the same class and, bit for bit, the same score as <paramref name="golden"/>.</summary>
    public bool Matches(NodeAnswer golden) =>
        Usable && golden.Usable && Class == golden.Class && BitConverter.SingleToInt32Bits(Score) == BitConverter.SingleToInt32Bits(golden.Score);
}
