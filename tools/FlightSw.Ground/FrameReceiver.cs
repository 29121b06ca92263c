using System.Net.Sockets;
using FlightSw.Link.Framing;

namespace FlightSw.Ground;

/// <summary>
/// The receive thread of a <see cref="GroundClient"/>: reads the stream into a
/// <see cref="FrameDecoder"/> and hands every frame, accepted or refused, to the client in arrival
/// order. A frame that stops arriving for the quiet period is given up as truncated, so what
/// follows it is still found. Ends when the stream ends, fails or is stopped.
/// </summary>
internal sealed class FrameReceiver : IDisposable
{
    /// <summary>How long a frame may stop arriving before it is given up: 250 ms, as on the node.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>How long <see cref="Dispose"/> waits for the thread to end.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly Stream _stream;
    private readonly FrameDecoder _decoder = new();
    private readonly Action<DecodedFrame> _onFrame;
    private readonly Action<long> _onNoise;
    private readonly Action<string> _onClosed;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;
    private int _stopped;

    /// <param name="stream">The link; the receiver disposes it when stopped.</param>
    /// <param name="name">Where the stream leads, for the thread name.</param>
    /// <param name="onFrame">Called on the receive thread for every frame.</param>
    /// <param name="onNoise">Called on the receive thread with the count of new noise bytes.</param>
    /// <param name="onClosed">Called once on the receive thread when the loop ends, with why.</param>
    public FrameReceiver(Stream stream, string name, Action<DecodedFrame> onFrame, Action<long> onNoise, Action<string> onClosed)
    {
        _stream = stream;
        _onFrame = onFrame;
        _onNoise = onNoise;
        _onClosed = onClosed;
        _thread = new Thread(Run) { IsBackground = true, Name = "ground-rx " + name };
    }

    /// <summary>Starts the receive thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>Stops the thread: closes the stream and waits briefly for the loop to end (not when called on the receive thread itself).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _stream.Dispose();
        if (_thread.IsAlive && Thread.CurrentThread != _thread)
        {
            _thread.Join(StopTimeout);
        }
    }

    private void Run()
    {
        var buffer = new byte[4096];
        var frames = new List<DecodedFrame>();
        string reason = "the link was closed";
        try
        {
            Task<int>? read = null;
            while (!_stopping.IsCancellationRequested)
            {
                read ??= _stream.ReadAsync(buffer, 0, buffer.Length, _stopping.Token);
                if (!Finished(read))
                {
                    if (_decoder.HasPartialFrame)
                    {
                        _decoder.Expire(frames);
                        Deliver(frames);
                    }

                    continue;
                }

                int count = read.GetAwaiter().GetResult();
                read = null;
                if (count == 0)
                {
                    reason = "the node closed the link";
                    break;
                }

                long noise = _decoder.NoiseBytes;
                _decoder.Push(buffer.AsSpan(0, count), frames);
                if (_decoder.NoiseBytes != noise)
                {
                    _onNoise(_decoder.NoiseBytes - noise);
                }

                Deliver(frames);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException or InvalidOperationException)
        {
            reason = _stopping.IsCancellationRequested ? "the client was disposed" : $"the link failed: {ex.Message}";
        }
        finally
        {
            _onClosed(_stopping.IsCancellationRequested ? "the client was disposed" : reason);
        }
    }

    private void Deliver(List<DecodedFrame> frames)
    {
        foreach (var frame in frames)
        {
            _onFrame(frame);
        }

        frames.Clear();
    }

    /// <summary>Waits up to the quiet period for <paramref name="read"/>; true once it has finished, however.</summary>
    private static bool Finished(Task<int> read)
    {
        try
        {
            return read.Wait(QuietPeriod);
        }
        catch (AggregateException)
        {
            return true;
        }
    }
}
