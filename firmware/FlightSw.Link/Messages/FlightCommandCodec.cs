using System.Globalization;
using FlightSw.Core.Commands;

namespace FlightSw.Link.Messages;

/// <summary>
/// The application data of TC(8,1), perform a flight command: u8 name length and the command name
/// (ASCII), u8 argument count, then per argument u8 length and its invariant-culture text
/// (ASCII). Names are carried rather than opcodes, so a stale ground dictionary can never run a
/// different command under a reused opcode.
/// </summary>
public static class FlightCommandCodec
{
    /// <summary>The application data carrying <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty, or the name or an argument is not ASCII or longer than 255 bytes, or there are more than 255 arguments.</exception>
    public static byte[] Encode(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Command, nameof(request));
        if (request.Arguments.Count > byte.MaxValue)
        {
            throw new ArgumentException($"Command {request.Command} has {request.Arguments.Count} arguments; at most {byte.MaxValue} can be carried.", nameof(request));
        }

        var writer = new LinkDataWriter(2 + request.Command.Length + (8 * request.Arguments.Count));
        writer.WriteAscii8Strict(request.Command, "Command name");
        writer.WriteByte((byte)request.Arguments.Count);
        for (int index = 0; index < request.Arguments.Count; index++)
        {
            string argument = request.Arguments[index] ?? throw new ArgumentException($"Argument {index} of command {request.Command} is null.", nameof(request));
            writer.WriteAscii8Strict(argument, string.Create(CultureInfo.InvariantCulture, $"Argument {index} of {request.Command}"));
        }

        return writer.ToArray();
    }

    /// <summary>Reads the command in <paramref name="applicationData"/>; false with <paramref name="reason"/> when it is not well formed.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> applicationData, out CommandRequest request, out string reason)
    {
        var reader = new LinkDataReader(applicationData, "flight command");
        string name = reader.ReadAscii8("command name");
        if (!reader.Failed && name.Length == 0)
        {
            reader.Fail("the command name is empty");
        }

        int count = reader.ReadByte("argument count");
        var arguments = new string[reader.Failed ? 0 : count];
        for (int index = 0; index < arguments.Length && !reader.Failed; index++)
        {
            arguments[index] = reader.ReadAscii8($"argument {index}");
        }

        reader.ExpectEnd();
        if (reader.Error is { } error)
        {
            request = null!;
            reason = error;
            return false;
        }

        request = new CommandRequest(name, arguments);
        reason = "";
        return true;
    }
}
