using FlightSw.Link.Messages;

namespace FlightSw.Ground;

/// <summary>The latest housekeeping sample of every channel received, by channel id. Thread-safe.</summary>
internal sealed class TelemetryStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<ushort, HousekeepingSample> _latest = [];

    /// <summary>Keeps <paramref name="sample"/> as its channel's latest.</summary>
    public void Update(HousekeepingSample sample)
    {
        lock (_gate)
        {
            _latest[sample.Id] = sample;
        }
    }

    /// <summary>The latest sample of channel <paramref name="id"/>, if one was received.</summary>
    public bool TryGet(ushort id, out HousekeepingSample sample)
    {
        lock (_gate)
        {
            return _latest.TryGetValue(id, out sample);
        }
    }

    /// <summary>The latest sample of every channel received, by channel id.</summary>
    public IReadOnlyList<HousekeepingSample> All()
    {
        lock (_gate)
        {
            return _latest.Values.ToArray();
        }
    }
}
