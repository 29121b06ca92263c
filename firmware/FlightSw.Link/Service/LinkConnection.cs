using FlightSw.Link.Framing;

namespace FlightSw.Link.Service;

/// <summary>
/// One ground station connected to the node: a reader thread that frames what arrives and hands
/// each frame to the <see cref="LinkService"/>, and a writer thread that drains the connection's
/// own <see cref="DownlinkQueue"/>, so a slow ground delays only itself.
/// </summary>
public sealed class LinkConnection : IDisposable
{
    private static readonly TimeSpan WriterPoll = TimeSpan.FromMilliseconds(200);

    private readonly LinkPort _port;
    private readonly LinkService _service;
    private readonly FrameDecoder _decoder = new();
    private readonly CancellationTokenSource _closing = new();
    private Thread? _reader;
    private Thread? _writer;
    private int _closed;

    internal LinkConnection(LinkPort port, LinkService service, int queueCapacity)
    {
        _port = port;
        _service = service;
        Queue = new DownlinkQueue(queueCapacity, service.Counters);
    }

    /// <summary>Where the connection leads.</summary>
    public string Name => _port.Name;

    /// <summary>Packets waiting for this ground.</summary>
    public DownlinkQueue Queue { get; }

    /// <summary>Whether the connection is still open.</summary>
    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    /// <summary>Closes the connection; what was queued for it is dropped and counted.</summary>
    public void Dispose() => Close();

    internal void Start()
    {
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "link-rx " + Name };
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "link-tx " + Name };
        _reader.Start();
        _writer.Start();
    }

    internal void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _closing.Cancel();
        Queue.Complete();
        _port.Dispose();

        // What was queued for this ground is lost with it: counted like any other drop.
        Queue.DiscardRemaining();
        _service.OnClosed(this);
    }

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        var frames = new List<DecodedFrame>();
        try
        {
            while (IsOpen)
            {
                int read = _port.Read(buffer);
                if (read == 0)
                {
                    break;
                }

                long noiseBefore = _decoder.NoiseBytes;
                if (read == LinkPort.Quiet)
                {
                    if (!_decoder.HasPartialFrame)
                    {
                        continue;
                    }

                    _decoder.Expire(frames);
                }
                else
                {
                    _decoder.Push(buffer.AsSpan(0, read), frames);
                }

                _service.Counters.Noise(_decoder.NoiseBytes - noiseBefore);
                foreach (var frame in frames)
                {
                    _service.OnFrame(this, frame);
                }

                frames.Clear();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The line is gone, or its input broke something: the connection closes, the node flies on.
            LinkService.OnConnectionFault(this, ex);
        }
        finally
        {
            Close();
        }
    }

    private void WriteLoop()
    {
        try
        {
            while (true)
            {
                if (Queue.TryDequeue(WriterPoll, out byte[] packet, _closing.Token))
                {
                    _port.Write(FrameEncoder.Frame(packet));
                    _service.Counters.Sent();
                }
                else if (Queue.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LinkService.OnConnectionFault(this, ex);
            Close();
        }
    }
}
