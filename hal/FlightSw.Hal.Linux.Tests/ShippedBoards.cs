using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Linux.Tests;

/// <summary>The shipped board files of the repository.</summary>
internal static class ShippedBoards
{
    /// <summary>The shipped <c>boards/NAME.json</c>.</summary>
    public static BoardDefinition Load(string name) => BoardCatalog.Locate().Load(name);
}
