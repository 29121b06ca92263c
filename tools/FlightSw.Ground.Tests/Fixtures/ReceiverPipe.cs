using System.IO.Pipes;
using FlightSw.Link.Framing;

namespace FlightSw.Ground.Tests.Fixtures;

/// <summary>An anonymous pipe: the test writes, the receiver reads.</summary>
internal sealed class ReceiverPipe : IDisposable
{
    private readonly AnonymousPipeServerStream _writer = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _reader;
    private string? _closed;

    public ReceiverPipe() => _reader = new AnonymousPipeClientStream(PipeDirection.In, _writer.ClientSafePipeHandle);

    public string? ClosedReason => Volatile.Read(ref _closed);

    public FrameReceiver Receiver(List<DecodedFrame> frames)
    {
        var receiver = new FrameReceiver(
            _reader,
            "pipe",
            frame =>
            {
                lock (frames)
                {
                    frames.Add(frame);
                }
            },
            _ => { },
            reason => Volatile.Write(ref _closed, reason));
        receiver.Start();
        return receiver;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _writer.Write(bytes);
        _writer.Flush();
    }

    public void CloseWriter() => _writer.Dispose();

    public void Dispose()
    {
        _writer.Dispose();
        _reader.Dispose();
    }
}
