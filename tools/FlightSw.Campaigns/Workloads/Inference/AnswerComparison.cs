using FlightSw.Campaigns.Config;

namespace FlightSw.Campaigns.Workloads.Inference;

/// <summary>Decides whether an output is a different answer from the golden one.</summary>
internal static class AnswerComparison
{
    /// <summary>The top-1 class: the first highest finite score, or -1 when no score is finite.</summary>
    public static int Top1(ReadOnlySpan<float> output)
    {
        int best = -1;
        for (int i = 0; i < output.Length; i++)
        {
            if (float.IsFinite(output[i]) && (best < 0 || output[i] > output[best]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Null when <paramref name="output"/> gives the golden answer; otherwise how it differs.</summary>
    public static string? Difference(ReadOnlySpan<float> output, InferenceGolden golden, OutputComparison comparison)
    {
        int differing = 0;
        int nonFinite = 0;
        for (int i = 0; i < output.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(output[i]) != BitConverter.SingleToInt32Bits(golden.Output[i]))
            {
                differing++;
                nonFinite += float.IsFinite(output[i]) ? 0 : 1;
            }
        }

        if (differing == 0)
        {
            return null;
        }

        int top1 = Top1(output);

        // A score that is no longer a number is a wrong answer whatever the class: the user sees garbage.
        if (nonFinite > 0)
        {
            return $"{nonFinite} output score(s) became NaN or infinite (class {top1}, golden {golden.Class})";
        }

        if (top1 != golden.Class)
        {
            return $"class {top1} instead of {golden.Class} ({differing} of {output.Length} scores differ)";
        }

        return comparison == OutputComparison.Exact ? $"{differing} of {output.Length} scores differ, class {top1} unchanged" : null;
    }

    /// <summary>How many output scores differ in any bit (for details of answers judged the same).</summary>
    public static int DifferingScores(ReadOnlySpan<float> output, float[] golden)
    {
        int differing = 0;
        for (int i = 0; i < output.Length; i++)
        {
            differing += BitConverter.SingleToInt32Bits(output[i]) != BitConverter.SingleToInt32Bits(golden[i]) ? 1 : 0;
        }

        return differing;
    }
}
