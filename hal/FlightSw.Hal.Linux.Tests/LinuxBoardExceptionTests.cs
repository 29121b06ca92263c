namespace FlightSw.Hal.Linux.Tests;

public class LinuxBoardExceptionTests
{
    [Test]
    public void Message_OneProblem_OneLinePerProblemUnderTheBoardAndItsFile()
    {
        var rpi4 = ShippedBoards.Load("rpi4");
        var problem = new DeviceProblem("/dev/i2c-1", "I2C bus 1", "is missing", "Enable I2C.");

        var ex = new LinuxBoardException(rpi4, [problem]);

        Assert.That(ex.Message.Split('\n'), Is.EqualTo(new[]
        {
            $"The embedded Linux backend cannot open board 'rpi4' ({rpi4.Description}; board file {rpi4.SourceFile}): 1 device is missing or not usable.",
            "  - /dev/i2c-1 is missing (I2C bus 1). Enable I2C.",
            "See \"Running on a real board\" in README.md.",
        }));
    }

    [Test]
    public void Constructor_NoProblem_ThrowsArgumentException()
    {
        Assert.That(() => new LinuxBoardException(ShippedBoards.Load("rpi4"), []), Throws.ArgumentException);
    }
}
