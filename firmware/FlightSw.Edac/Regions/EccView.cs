using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FlightSw.Edac.Codec;

namespace FlightSw.Edac.Regions;

/// <summary>
/// A typed view of an <see cref="EccRegion"/>'s data bytes: element i is bytes
/// [i * sizeof(T), (i + 1) * sizeof(T)) of the logical byte stream, so an element may straddle
/// words. Reading corrects the words an element covers; writing corrects them, writes the
/// element, and re-encodes them. Get one from <see cref="EccRegion.View{T}"/>.
/// </summary>
/// <typeparam name="T">The element: float, int, or a small struct of at most <see cref="MaxElementSize"/> bytes.</typeparam>
public sealed class EccView<T>
    where T : unmanaged
{
    /// <summary>The largest element a view takes, in bytes.</summary>
    public const int MaxElementSize = 64;

    private readonly EccRegion _region;

    internal EccView(EccRegion region)
    {
        if (ElementSize > MaxElementSize)
        {
            throw new ArgumentException($"{typeof(T).Name} is {ElementSize} bytes; a view of ECC region '{region.Name}' takes elements of at most {MaxElementSize} bytes.", nameof(T));
        }

        _region = region;
        Count = (int)(region.ByteCount / ElementSize);
    }

    /// <summary>Size of one element in bytes.</summary>
    public static int ElementSize => Unsafe.SizeOf<T>();

    /// <summary>Whole elements in the region (trailing bytes too few for one are not part of the view).</summary>
    public int Count { get; }

    /// <summary>The region viewed.</summary>
    public EccRegion Region => _region;

    /// <summary>Element <paramref name="index"/>, read with correction; setting it is a read-modify-write of its words.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, <see cref="Count"/>).</exception>
    /// <exception cref="UncorrectableWordException">
    /// Get: a covered word is uncorrectable. Set: a word the element only partly covers is
    /// uncorrectable (its other bytes are unknown); a wholly covered one is simply overwritten.
    /// </exception>
    public T this[int index]
    {
        get
        {
            var (offset, first, count) = Locate(index);
            _region.CorrectRangeOrThrow(first, count);
            return MemoryMarshal.Read<T>(_region.DataBytes.Slice(offset, ElementSize));
        }

        set
        {
            var (offset, first, count) = Locate(index);
            for (int word = first; word < first + count; word++)
            {
                bool partlyCovered = word * sizeof(ulong) < offset || (word + 1) * sizeof(ulong) > offset + ElementSize;
                if (_region.CorrectWord(word).Status == CodewordStatus.Uncorrectable && partlyCovered)
                {
                    throw new UncorrectableWordException(_region.Name, word);
                }
            }

            MemoryMarshal.Write(_region.DataBytes.Slice(offset, ElementSize), in value);
            _region.Reencode(first, count);
        }
    }

    private (int Offset, int FirstWord, int WordCount) Locate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int offset = index * ElementSize;
        int first = offset / sizeof(ulong);
        int last = (offset + ElementSize - 1) / sizeof(ulong);
        return (offset, first, last - first + 1);
    }
}
