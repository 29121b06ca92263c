using System.Buffers.Binary;

namespace FlightSw.Inference.Job;

/// <summary>
/// The inputs an <see cref="InferenceJob"/> cycles through: a fixed, non-empty set of samples of
/// one length (the model input's element count). An index past the end wraps around, so a job can
/// count inferences forever and still find a sample.
/// </summary>
public sealed class InferenceSamples
{
    private readonly float[][] _samples;

    /// <summary>Takes copies of <paramref name="samples"/>, which must be non-empty and all of one non-zero length.</summary>
    /// <exception cref="ArgumentException">No samples, an empty sample, or samples of different lengths.</exception>
    public InferenceSamples(IReadOnlyList<float[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("An inference job needs at least one sample.", nameof(samples));
        }

        int length = samples[0]?.Length ?? 0;
        if (length == 0)
        {
            throw new ArgumentException("Sample 0 is empty.", nameof(samples));
        }

        _samples = new float[samples.Count][];
        for (int i = 0; i < samples.Count; i++)
        {
            var sample = samples[i] ?? throw new ArgumentException($"Sample {i} is null.", nameof(samples));
            if (sample.Length != length)
            {
                throw new ArgumentException($"Sample {i} holds {sample.Length} floats; sample 0 holds {length}.", nameof(samples));
            }

            // Copied so that nobody can change what the job feeds the model behind its back.
            _samples[i] = (float[])sample.Clone();
        }
    }

    /// <summary>Adopts <paramref name="samples"/> (non-empty, one length, owned by nobody else) without copying them.</summary>
    private InferenceSamples(float[][] samples) => _samples = samples;

    /// <summary>How many samples there are (at least one).</summary>
    public int Count => _samples.Length;

    /// <summary>The floats in each sample.</summary>
    public int SampleLength => _samples[0].Length;

    /// <summary>Sample <paramref name="index"/> modulo <see cref="Count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public ReadOnlySpan<float> this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            return _samples[(int)(index % _samples.Length)];
        }
    }

    /// <summary>
    /// Reads the file at <paramref name="path"/> as raw little-endian float32 samples of
    /// <paramref name="sampleLength"/> floats each, one after another with no header.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleLength"/> is not positive.</exception>
    /// <exception cref="InvalidDataException">The file's length is not a whole, non-zero number of samples; the message names the file, its length and the sample size.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static InferenceSamples FromFile(string path, int sampleLength)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleLength);
        long sampleBytes = (long)sampleLength * sizeof(float);

        // Checked before reading, so a wrong file is refused without loading all of it.
        long length = new FileInfo(path).Length;
        if (length == 0 || length % sampleBytes != 0 || length / sampleBytes > Array.MaxLength)
        {
            throw new InvalidDataException(
                $"Sample file '{path}' is {length} bytes long; it must hold a whole, non-zero number of samples of {sampleLength} float32 ({sampleBytes} bytes each).");
        }

        byte[] bytes = File.ReadAllBytes(path);
        int count = (int)(bytes.LongLength / sampleBytes);
        var samples = new float[count][];
        for (int s = 0; s < count; s++)
        {
            var sample = new float[sampleLength];
            var source = bytes.AsSpan((int)(s * sampleBytes), (int)sampleBytes);
            for (int i = 0; i < sampleLength; i++)
            {
                sample[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(i * sizeof(float))..]);
            }

            samples[s] = sample;
        }

        return new InferenceSamples(samples);
    }
}
