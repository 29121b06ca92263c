using FlightSw.Hal.Boards;

namespace FlightSw.Sim.Tests;

/// <summary>The repository's <c>boards/sim.json</c>, loaded once through the board catalog.</summary>
internal static class SimBoardFile
{
    private static readonly Lazy<BoardDefinition> Loaded = new(() => BoardCatalog.Locate().Load("sim"));

    /// <summary>The sim board definition.</summary>
    public static BoardDefinition Definition => Loaded.Value;

    /// <summary>Powers <paramref name="hardware"/> on and runs its clock until the first boot; returns the boot's board.</summary>
    public static SimBoard PowerOnAndBoot(SimHardware hardware)
    {
        hardware.PowerOn();
        return RunUntilBooted(hardware);
    }

    /// <summary>Runs the clock until a board other than <paramref name="previous"/> has booted; returns it.</summary>
    public static SimBoard RunUntilBooted(SimHardware hardware, SimBoard? previous = null)
    {
        bool booted = hardware.Clock.RunUntil(() => hardware.Board is { } board && board != previous, TimeSpan.FromMinutes(1));
        Assert.That(booted, Is.True, "the board should boot within a minute");
        return hardware.Board!;
    }
}
