using FlightSw.Cli.Packaging;
using FlightSw.Hal.Boards;

namespace FlightSw.Cli.Tests.Packaging;

/// <summary>The checkout's board files, for the packaging tests.</summary>
internal static class TestBoards
{
    /// <summary>The Linux boards of <c>boards/</c>.</summary>
    public static readonly string[] Linux = ["rpi4", "rpi5", "rpi-zero2w", "jetson-orin-nano", "beaglebone-black"];

    /// <summary>Loads board <paramref name="name"/> from the checkout.</summary>
    public static BoardDefinition Load(string name) => NodePackager.LoadBoard(RepositoryRoot.Find(), name);
}
