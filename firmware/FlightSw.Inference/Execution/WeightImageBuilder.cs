namespace FlightSw.Inference.Execution;

/// <summary>
/// Lays out a segment's weights in one float image, each block aligned to 64 bytes, which is
/// then loaded into every replica's ECC region.
/// </summary>
internal sealed class WeightImageBuilder
{
    private const int Alignment = 16;
    private float[] _data = new float[4096];
    private int _length;

    public int Length => _length;

    public int Add(ReadOnlySpan<float> values)
    {
        int offset = Reserve(values.Length);
        values.CopyTo(_data.AsSpan(offset));
        return offset;
    }

    public int Reserve(int count)
    {
        int offset = checked((_length + Alignment - 1) / Alignment * Alignment);
        int end = checked(offset + count);
        if (end > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(end, checked(_data.Length * 2)));
        }

        _length = end;
        return offset;
    }

    public Span<float> Slice(int offset, int count) => _data.AsSpan(offset, count);

    /// <summary>The image, padded to whole 64-bit words (at least one).</summary>
    public float[] ToArray() => _data.AsSpan(0, Math.Max(2, (_length + 1) / 2 * 2)).ToArray();
}
