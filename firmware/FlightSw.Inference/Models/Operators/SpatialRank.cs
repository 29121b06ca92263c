namespace FlightSw.Inference.Models.Operators;

/// <summary>The input ranks Conv and the pools support: 3 (1-D) and 4 (2-D).</summary>
internal static class SpatialRank
{
    /// <summary>Refuses an input that is not [N, C, W] or [N, C, H, W].</summary>
    public static void Require(NodeContext node, TensorShape input)
    {
        if (input.Rank == 5)
        {
            throw node.Fail($"input {input} is 3-D (rank 5); only 1-D and 2-D {node.Node.OpType} are supported");
        }

        if (input.Rank is not (3 or 4))
        {
            throw node.Fail($"input {input} has rank {input.Rank}; {node.Node.OpType} needs rank 3 (1-D) or 4 (2-D)");
        }
    }
}
