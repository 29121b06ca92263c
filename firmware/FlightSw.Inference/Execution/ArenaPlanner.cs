namespace FlightSw.Inference.Execution;

/// <summary>
/// Plans the arena of a segment once at load: first-fit allocation over a free list with
/// coalescing, so buffers whose values are dead are reused and a run allocates nothing.
/// </summary>
internal sealed class ArenaPlanner
{
    private const int Alignment = 16;
    private readonly List<(int Offset, int Length)> _free = [];

    /// <summary>The arena's size so far: the highest end of any buffer handed out.</summary>
    public int Length { get; private set; }

    public int Allocate(int length)
    {
        int size = Round(length);
        for (int i = 0; i < _free.Count; i++)
        {
            var block = _free[i];
            if (block.Length >= size)
            {
                _free[i] = (block.Offset + size, block.Length - size);
                if (_free[i].Length == 0)
                {
                    _free.RemoveAt(i);
                }

                return block.Offset;
            }
        }

        // Grow: a free block at the end is extended rather than left behind.
        if (_free.Count > 0 && _free[^1].Offset + _free[^1].Length == Length)
        {
            var last = _free[^1];
            _free.RemoveAt(_free.Count - 1);
            Length = checked(last.Offset + size);
            return last.Offset;
        }

        int offset = Length;
        Length = checked(Length + size);
        return offset;
    }

    public void Free(int offset, int length)
    {
        int size = Round(length);
        int index = 0;
        while (index < _free.Count && _free[index].Offset < offset)
        {
            index++;
        }

        _free.Insert(index, (offset, size));
        if (index + 1 < _free.Count && _free[index].Offset + _free[index].Length == _free[index + 1].Offset)
        {
            _free[index] = (offset, _free[index].Length + _free[index + 1].Length);
            _free.RemoveAt(index + 1);
        }

        if (index > 0 && _free[index - 1].Offset + _free[index - 1].Length == _free[index].Offset)
        {
            _free[index - 1] = (_free[index - 1].Offset, _free[index - 1].Length + _free[index].Length);
            _free.RemoveAt(index);
        }
    }

    private static int Round(int length) => checked(Math.Max(Alignment, (length + Alignment - 1) / Alignment * Alignment));
}
