using System.Buffers.Binary;
using FlightSw.Link.Messages;
using FlightSw.Link.Service;

namespace FlightSw.Node.Simulation;

/// <summary>
/// Runs the simulated board on the ground's clock: virtual time stands still until the ground
/// asks for a step (simulation control, TC 210,1 with the step in 100 ns ticks), then runs
/// exactly that long, downlinks every channel that changed and answers TM 210,2 with the board's
/// elapsed time, whether the flight software is running and the boot count. Everything the step
/// produced is queued before the answer, so the ground that waits for it sees the state the
/// board stopped at. The same sequence of ground actions gives the same run, as on the
/// in-process simulator.
/// </summary>
public sealed class GroundClock
{
    /// <summary>How long the node waits, in wall time, for a ground to connect before it gives up: 5 minutes.</summary>
    public static readonly TimeSpan FirstGroundLimit = TimeSpan.FromMinutes(5);

    /// <summary>Longest single step the ground may ask for: 30 simulated days.</summary>
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly SimulatedNode _node;
    private readonly LinkService _link;
    private readonly Func<LinkComponent?> _component;

    /// <summary>Drives <paramref name="node"/> from <paramref name="link"/>'s simulation control; <paramref name="component"/> gives the running boot's link component.</summary>
    public GroundClock(SimulatedNode node, LinkService link, Func<LinkComponent?> component)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(component);
        _node = node;
        _link = link;
        _component = component;
    }

    /// <summary>Steps answered so far.</summary>
    public long Steps { get; private set; }

    /// <summary>
    /// Serves the ground until it has connected and every connection has closed again, or
    /// <paramref name="cancellation"/> fires, or no ground connected within
    /// <see cref="FirstGroundLimit"/>. Returns true when the ground hung up (the run is done).
    /// </summary>
    public bool Serve(CancellationToken cancellation)
    {
        bool connected = false;
        long waitingSince = TimeProvider.System.GetTimestamp();
        while (!cancellation.IsCancellationRequested)
        {
            if (!connected && TimeProvider.System.GetElapsedTime(waitingSince) > FirstGroundLimit)
            {
                return false;
            }

            if (_link.Connections.Count > 0)
            {
                connected = true;
            }
            else if (connected)
            {
                return true;
            }

            if (!_link.TryTakeSimControl(Poll, out var request, cancellation))
            {
                continue;
            }

            var command = request.Telecommand;
            if (command.Secondary.Subtype == LinkServices.RunFor && command.ApplicationData.Length == sizeof(ulong))
            {
                ulong ticks = BinaryPrimitives.ReadUInt64BigEndian(command.ApplicationData.Span);
                var step = TimeSpan.FromTicks((long)Math.Min(ticks, (ulong)MaxStep.Ticks));
                _node.RunFor(step);
                if (_node.Application is { IsRunning: true })
                {
                    _component()?.PublishTelemetry();
                }

                Steps++;
                _link.ReplySimControl(request, LinkServices.Ran, Ran());
            }
            else
            {
                _link.RefuseSimControl(request, $"simulation control ({command.Secondary.Service},{command.Secondary.Subtype}) with {command.ApplicationData.Length} bytes is not served; RUN_FOR (210,1) takes one u64 of 100 ns ticks");
            }
        }

        return false;
    }

    private byte[] Ran()
    {
        var data = new byte[13];
        BinaryPrimitives.WriteInt64BigEndian(data, _node.Clock.Elapsed.Ticks);
        data[8] = _node.Application is { IsRunning: true } ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(9), (uint)_node.Hardware.Boots);
        return data;
    }
}
