namespace FlightSw.Link.Service;

/// <summary>
/// The bounded queue of packets waiting for one ground connection. Producers (the flight thread
/// among them) never wait: when the queue is full the oldest packet of the lowest priority
/// present goes, or the new one when it matters least, and the drop is counted. Packets leave
/// in the order they came.
/// </summary>
public sealed class DownlinkQueue
{
    /// <summary>Default capacity: 4,096 packets (4 MiB at most with 1 KiB packets).</summary>
    public const int DefaultCapacity = 4096;

    private readonly LinkedList<(byte[] Packet, DownlinkPriority Priority)> _queue = new();
    private readonly int[] _queuedByPriority = new int[Enum.GetValues<DownlinkPriority>().Length];
    private readonly long[] _droppedByPriority = new long[Enum.GetValues<DownlinkPriority>().Length];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly LinkCounters? _counters;
    private bool _completed;

    /// <summary>
    /// Creates a queue holding at most <paramref name="capacity"/> packets
    /// (<see cref="DefaultCapacity"/> by default); drops are also counted in <paramref name="counters"/> when given.
    /// </summary>
    public DownlinkQueue(int capacity = DefaultCapacity, LinkCounters? counters = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _counters = counters;
    }

    /// <summary>Whether <see cref="Complete"/> was called.</summary>
    public bool IsCompleted
    {
        get
        {
            lock (_gate)
            {
                return _completed;
            }
        }
    }

    /// <summary>Most packets the queue holds.</summary>
    public int Capacity { get; }

    /// <summary>Packets waiting.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Packets of <paramref name="priority"/> dropped because the queue was full.</summary>
    public long Dropped(DownlinkPriority priority)
    {
        lock (_gate)
        {
            return _droppedByPriority[(int)priority];
        }
    }

    /// <summary>Packets dropped, of every priority.</summary>
    public long DroppedTotal
    {
        get
        {
            lock (_gate)
            {
                return _droppedByPriority.Sum();
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="packet"/>; never blocks. Returns false when the packet itself was
    /// dropped (the queue is full of packets that matter more) or the queue is completed.
    /// </summary>
    public bool Enqueue(byte[] packet, DownlinkPriority priority)
    {
        ArgumentNullException.ThrowIfNull(packet);
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            if (_queue.Count >= Capacity && !TryDropBelowOrAt(priority))
            {
                _droppedByPriority[(int)priority]++;
                _counters?.Drop(priority, 1);
                return false;
            }

            _queue.AddLast((packet, priority));
            _queuedByPriority[(int)priority]++;
        }

        _available.Release();
        return true;
    }

    /// <summary>
    /// Takes the oldest packet, waiting up to <paramref name="timeout"/>; false when none came
    /// in time or the queue is completed and empty.
    /// </summary>
    public bool TryDequeue(TimeSpan timeout, out byte[] packet, CancellationToken cancellation = default)
    {
        packet = [];
        try
        {
            if (!_available.Wait(timeout, cancellation))
            {
                return false;
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        lock (_gate)
        {
            // A dropped packet leaves its semaphore count behind; it is consumed here.
            if (_queue.First is not { } first)
            {
                return false;
            }

            _queue.RemoveFirst();
            _queuedByPriority[(int)first.Value.Priority]--;
            packet = first.Value.Packet;
            return true;
        }
    }

    /// <summary>Drops every packet still waiting (the connection closed) and counts each as dropped; returns how many.</summary>
    public int DiscardRemaining()
    {
        lock (_gate)
        {
            int count = _queue.Count;
            foreach (var (_, priority) in _queue)
            {
                _droppedByPriority[(int)priority]++;
                _counters?.Drop(priority, 1);
            }

            _queue.Clear();
            Array.Clear(_queuedByPriority);
            return count;
        }
    }

    /// <summary>Refuses further packets and wakes the consumer.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }

        _available.Release();
    }

    // Drops the oldest packet of the lowest priority present, if that priority is not above the newcomer's.
    private bool TryDropBelowOrAt(DownlinkPriority priority)
    {
        for (int level = 0; level <= (int)priority; level++)
        {
            if (_queuedByPriority[level] == 0)
            {
                continue;
            }

            for (var node = _queue.First; node is not null; node = node.Next)
            {
                if ((int)node.Value.Priority == level)
                {
                    _queue.Remove(node);
                    _queuedByPriority[level]--;
                    _droppedByPriority[level]++;
                    _counters?.Drop((DownlinkPriority)level, 1);
                    return true;
                }
            }
        }

        return false;
    }
}
