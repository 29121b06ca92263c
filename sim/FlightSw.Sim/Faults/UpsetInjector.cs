using FlightSw.Hal.Memory;
using FlightSw.Sim.Time;

namespace FlightSw.Sim.Faults;

/// <summary>
/// Radiation on the virtual clock: single-event upsets strike the memories registered in the
/// current <see cref="MemoryMap"/> as a Poisson process of rate
/// <see cref="UpsetInjectorOptions.RatePerBitPerDay"/> x <see cref="RateMultiplier"/> x total
/// bits, uniform over the bits; a share of them flip several adjacent bits. Every upset is kept
/// in <see cref="Records"/> with its time. A seed fixes the run: arrivals, targets, bits.
/// </summary>
/// <remarks>
/// The injector belongs to the hardware, not to a boot: it runs on the hardware clock across
/// resets, and hits whatever memory exists when a particle arrives (none while the board is off
/// or booting). Not thread-safe: use it on the thread that runs the clock, like the flight
/// software whose memory it hits.
/// </remarks>
public sealed class UpsetInjector : IDisposable
{
    /// <summary>
    /// Longest the injector goes without reading the memory size and rate again: 1 s of virtual
    /// time. Regions come and go (registration, resets) without telling the injector, so each
    /// wait is cut at this length and drawn afresh, which the memorylessness of Poisson arrivals
    /// makes exact; the rate then follows any change of the memory within a second.
    /// </summary>
    public static readonly TimeSpan RateRecheckInterval = TimeSpan.FromSeconds(1);

    private const double SecondsPerDay = 86_400;

    private readonly VirtualClock _clock;
    private readonly Func<MemoryMap?> _memory;
    private readonly Func<int>? _bootNumber;
    private readonly Random _random;
    private readonly List<InjectedUpset> _records = [];
    private readonly IReadOnlyList<InjectedUpset> _recordsView;
    private ITimer? _timer;
    private bool _arrivalPending;
    private double _rateMultiplier = 1;
    private bool _disposed;

    /// <summary>Creates a stopped injector; <see cref="Start"/> lets particles arrive.</summary>
    /// <param name="clock">The hardware clock (not a boot's view of it, so the injector outlives boots).</param>
    /// <param name="options">Rate and multi-bit settings; validated here.</param>
    /// <param name="seed">Seed of the injector's own generator.</param>
    /// <param name="memory">The memory that exists now; null or empty while the board is off or booting.</param>
    /// <param name="bootNumber">The current boot's number, stamped on each record; records say boot 0 when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public UpsetInjector(VirtualClock clock, UpsetInjectorOptions options, int seed, Func<MemoryMap?> memory, Func<int>? bootNumber = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(memory);
        options.Validate();
        _clock = clock;
        Options = options;
        Seed = seed;
        _memory = memory;
        _bootNumber = bootNumber;
        _random = new Random(seed);
        _recordsView = _records.AsReadOnly();
    }

    /// <summary>Raised after each upset, random or <see cref="Inject"/>ed, once its bits are flipped and it is recorded.</summary>
    public event Action<InjectedUpset>? Injected;

    /// <summary>The rate and multi-bit settings.</summary>
    public UpsetInjectorOptions Options { get; }

    /// <summary>Seed of the injector's generator.</summary>
    public int Seed { get; }

    /// <summary>Whether random upsets are arriving (with a rate of 0 none are, though it runs).</summary>
    public bool IsRunning { get; private set; }

    /// <summary>
    /// Factor on <see cref="UpsetInjectorOptions.RatePerBitPerDay"/>: 1 by default, 0 pauses
    /// arrivals. An environment model sets it, for example higher inside the South Atlantic
    /// Anomaly or during a solar particle event. A change re-draws the pending arrival, which is
    /// exact because Poisson arrivals are memoryless. Finite and zero or more.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double RateMultiplier
    {
        get => _rateMultiplier;
        set
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The rate multiplier must be a finite number, zero or more.");
            }

            if (value == _rateMultiplier)
            {
                return;
            }

            _rateMultiplier = value;
            ScheduleNext();
        }
    }

    /// <summary>Expected upsets per second now: the rate per bit, times the multiplier, times the bits that exist now.</summary>
    public double CurrentRatePerSecond => RatePerBitPerSecond * TotalBits(_memory()?.Targets);

    /// <summary>Every upset injected so far, in order.</summary>
    public IReadOnlyList<InjectedUpset> Records => _recordsView;

    private double RatePerBitPerSecond => Options.RatePerBitPerDay * _rateMultiplier / SecondsPerDay;

    /// <summary>Lets particles arrive; does nothing when already running.</summary>
    /// <exception cref="ObjectDisposedException">The injector is disposed.</exception>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsRunning)
        {
            return;
        }

        IsRunning = true;
        _timer ??= _clock.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        ScheduleNext();
    }

    /// <summary>Stops random arrivals; <see cref="Records"/> and <see cref="Inject"/> stay available.</summary>
    public void Stop()
    {
        IsRunning = false;
        _arrivalPending = false;
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Flips <paramref name="bitCount"/> adjacent physical bits of the memory named
    /// <paramref name="targetName"/> from <paramref name="physicalBit"/> on, now, and records it
    /// like a random upset: for tests and scripted scenarios. Works whether or not the injector runs.
    /// </summary>
    /// <returns>The record of the upset.</returns>
    /// <exception cref="InvalidOperationException">No memory exists now (board off or booting).</exception>
    /// <exception cref="ArgumentException">No memory of that name is registered.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The bits do not lie inside the memory, or <paramref name="bitCount"/> is below 1.</exception>
    public InjectedUpset Inject(string targetName, long physicalBit, int bitCount = 1)
    {
        ArgumentNullException.ThrowIfNull(targetName);
        var memory = _memory() ?? throw new InvalidOperationException($"Cannot inject into '{targetName}': no memory exists now (the board is off or between boots).");
        if (!memory.TryFind(targetName, out var target))
        {
            var names = memory.Targets.Select(t => $"'{t.Name}'").ToList();
            string known = names.Count == 0 ? "none is registered" : $"registered: {string.Join(", ", names)}";
            throw new ArgumentException($"No memory named '{targetName}' is registered ({known}).", nameof(targetName));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bitCount, 1);
        if (physicalBit < 0 || physicalBit > target.BitCount - bitCount)
        {
            throw new ArgumentOutOfRangeException(nameof(physicalBit), physicalBit, $"Bits {physicalBit} to {physicalBit + bitCount - 1} do not lie inside '{targetName}' (bits 0 to {target.BitCount - 1}).");
        }

        return Strike(target, physicalBit, bitCount);
    }

    /// <summary>Stops the injector for good; <see cref="Records"/> stay readable.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Stop();
        _timer?.Dispose();
        _timer = null;
    }

    private static long TotalBits(IReadOnlyList<IUpsetTarget>? targets)
    {
        long total = 0;
        foreach (var target in targets ?? [])
        {
            total += Math.Max(0, target.BitCount);
        }

        return total;
    }

    private void OnTimer()
    {
        bool arrival = _arrivalPending;
        _arrivalPending = false;
        try
        {
            if (arrival)
            {
                StrikeAtRandom();
            }
        }
        finally
        {
            // Even when an Injected handler throws, the radiation goes on.
            ScheduleNext();
        }
    }

    /// <summary>Draws the wait to the next arrival at the rate of this moment, cut at <see cref="RateRecheckInterval"/>.</summary>
    private void ScheduleNext()
    {
        if (!IsRunning || _timer is null)
        {
            return;
        }

        double perBitPerSecond = RatePerBitPerSecond;
        if (perBitPerSecond == 0)
        {
            // Nothing can arrive until the multiplier changes, and that re-draws.
            _arrivalPending = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        long bits = TotalBits(_memory()?.Targets);
        double waitSeconds = bits == 0 ? double.PositiveInfinity : ExponentialVariate.Draw(_random) / (perBitPerSecond * bits);
        _arrivalPending = waitSeconds < RateRecheckInterval.TotalSeconds;
        // Whole ticks, at least one, so that time always moves on between arrivals.
        var due = _arrivalPending
            ? TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(waitSeconds * TimeSpan.TicksPerSecond)))
            : RateRecheckInterval;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void StrikeAtRandom()
    {
        var targets = _memory()?.Targets ?? [];
        long total = TotalBits(targets);
        if (total == 0)
        {
            return; // the memory went away since the draw: the particle hits nothing
        }

        // One draw over all bits picks the target in proportion to its size and the bit uniformly in it.
        long bit = _random.NextInt64(total);
        bool multiBit = _random.NextDouble() < Options.MultiBitFraction;
        foreach (var target in targets)
        {
            long size = Math.Max(0, target.BitCount);
            if (bit < size)
            {
                int count = multiBit ? (int)Math.Min(Options.MultiBitSize, size) : 1;
                // Near the end, shift the run back so that it flips all its bits inside the target.
                Strike(target, Math.Min(bit, size - count), count);
                return;
            }

            bit -= size;
        }
    }

    private InjectedUpset Strike(IUpsetTarget target, long firstBit, int count)
    {
        var bits = new long[count];
        var locations = new CodewordBit[count];
        for (int i = 0; i < count; i++)
        {
            bits[i] = firstBit + i;
            locations[i] = target.Locate(bits[i]);
            target.FlipBit(bits[i]);
        }

        var upset = new InjectedUpset(_clock.Elapsed, _bootNumber?.Invoke() ?? 0, target.Name, Array.AsReadOnly(bits), Array.AsReadOnly(locations));
        _records.Add(upset);
        Injected?.Invoke(upset);
        return upset;
    }
}
