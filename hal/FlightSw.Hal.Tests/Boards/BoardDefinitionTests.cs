using FlightSw.Hal.Boards;

namespace FlightSw.Hal.Tests.Boards;

[TestFixture]
public class BoardDefinitionTests
{
    [Test]
    public void Link_NotSetByPositionalConstructor_IsDefault()
    {
        var board = NewBoard();

        Assert.That(board.Link, Is.SameAs(LinkSettings.Default));
    }

    [Test]
    public void Link_SetByInitializer_IsKeptAndTakesPartInEquality()
    {
        var link = new LinkSettings(TcpPort: 6000);

        var plain = NewBoard();

        var board = plain with { Link = link };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(board.Link, Is.EqualTo(link));
            Assert.That(plain, Is.EqualTo(NewBoard()));
            Assert.That(board, Is.Not.EqualTo(plain));
        }
    }

    // Shared so that two boards from NewBoard are equal: I2cLayout compares its bus list by reference.
    private static readonly I2cLayout I2c =
        new([1], new PowerMonitorChip("ina219", 1, 0x40, 0.1, 1.0), new I2cChip("tmp102", 1, 0x48));

    private static BoardDefinition NewBoard() => new(
        "test",
        "Test board",
        BoardBackend.Sim,
        "linux-x64",
        new CpuInfo("cpu", 1, 50),
        new MemoryInfo(64, 32),
        new GpioLayout(0, 8, 1, "line 1"),
        I2c,
        new WatchdogSettings("model", 5),
        new StorageSettings("memory"),
        "test.json");
}
