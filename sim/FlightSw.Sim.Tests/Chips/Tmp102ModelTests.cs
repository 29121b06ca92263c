using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;
using static FlightSw.Sim.Tests.Chips.RegisterAccess;

namespace FlightSw.Sim.Tests.Chips;

public class Tmp102ModelTests
{
    private const byte Temperature = 0x00;
    private const byte Configuration = 0x01;
    private const byte LowLimit = 0x02;
    private const byte HighLimit = 0x03;

    [Test]
    public void PowerOn_Registers_ReadDatasheetResetValues()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, Configuration), Is.EqualTo(0x60A0));
            Assert.That(ReadWord(chip, LowLimit), Is.EqualTo(0x4B00), "75 C");
            Assert.That(ReadWord(chip, HighLimit), Is.EqualTo(0x5000), "80 C");
        }
    }

    // SBOS397 12-bit temperature data format table (normal mode): digital output in hex.
    [TestCase(128.0, 0x7FF)]
    [TestCase(127.9375, 0x7FF)]
    [TestCase(100.0, 0x640)]
    [TestCase(80.0, 0x500)]
    [TestCase(75.0, 0x4B0)]
    [TestCase(50.0, 0x320)]
    [TestCase(25.0, 0x190)]
    [TestCase(0.25, 0x004)]
    [TestCase(0.0, 0x000)]
    [TestCase(-0.25, 0xFFC)]
    [TestCase(-25.0, 0xE70)]
    [TestCase(-55.0, 0xC90)]
    public void Temperature_NormalMode_MatchesDatasheetTable(double celsius, int twelveBitCode)
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment { BoardCelsius = celsius });

        ushort raw = ReadWord(chip, Temperature);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raw >> 4, Is.EqualTo(twelveBitCode));
            Assert.That(raw & 0x000F, Is.Zero, "unused bits and D0 (normal mode) read 0");
        }
    }

    // SBOS397 13-bit temperature data format table (extended mode): digital output in hex.
    [TestCase(150.0, 0x0960)]
    [TestCase(128.0, 0x0800)]
    [TestCase(127.9375, 0x07FF)]
    [TestCase(100.0, 0x0640)]
    [TestCase(80.0, 0x0500)]
    [TestCase(75.0, 0x04B0)]
    [TestCase(50.0, 0x0320)]
    [TestCase(25.0, 0x0190)]
    [TestCase(0.25, 0x0004)]
    [TestCase(0.0, 0x0000)]
    [TestCase(-0.25, 0x1FFC)]
    [TestCase(-25.0, 0x1E70)]
    [TestCase(-55.0, 0x1C90)]
    public void Temperature_ExtendedMode_MatchesDatasheetTable(double celsius, int thirteenBitCode)
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment { BoardCelsius = celsius });
        WriteWord(chip, Configuration, 0x60B0);

        ushort raw = ReadWord(chip, Temperature);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raw >> 3, Is.EqualTo(thirteenBitCode));
            Assert.That(raw & 0x0007, Is.EqualTo(0x1), "D0 = 1 flags extended mode");
        }
    }

    [TestCase(0x60A0, 200.0, 0x7FF0)] // normal mode saturates at 127.9375 C
    [TestCase(0x60B0, 200.0, 0x4B01)] // extended mode clamps at 150 C
    [TestCase(0x60A0, -80.0, 0xC900)] // -55 C
    [TestCase(0x60B0, -80.0, 0xE481)] // -55 C, 13-bit
    public void Temperature_BeyondChipRange_Clamps(int configuration, double celsius, int expected)
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment { BoardCelsius = celsius });
        WriteWord(chip, Configuration, (ushort)configuration);

        Assert.That(ReadWord(chip, Temperature), Is.EqualTo(expected));
    }

    [Test]
    public void Temperature_BetweenSteps_RoundsToNearestLsb()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment { BoardCelsius = 25.04 });

        Assert.That(ReadWord(chip, Temperature) >> 4, Is.EqualTo(0x191), "25.0625 C is the nearest step");
    }

    [Test]
    public void Temperature_Write_IsIgnored()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment { BoardCelsius = 25.0 });

        WriteWord(chip, Temperature, 0x7FF0);

        Assert.That(ReadWord(chip, Temperature), Is.EqualTo(0x1900));
    }

    [Test]
    public void Configuration_WriteZero_KeepsReadOnlyResolutionAndAlertBits()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());

        WriteWord(chip, Configuration, 0x0000);

        Assert.That(ReadWord(chip, Configuration), Is.EqualTo(0x6020), "R1 R0 = 11 and AL = 1 are read-only");
    }

    [Test]
    public void Configuration_WriteAllOnes_StoresWritableBitsOnly()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());

        WriteWord(chip, Configuration, 0xFFFF);

        // OS (one-shot done in shutdown), R1 R0, F1 F0, POL, TM, SD, CR1 CR0, AL = 0 (active high, no alert), EM.
        Assert.That(ReadWord(chip, Configuration), Is.EqualTo(0xFFD0));
    }

    [Test]
    public void Configuration_ContinuousMode_OsReadsZero()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());

        WriteWord(chip, Configuration, 0xE0A0); // OS = 1 without SD: no one-shot

        Assert.That(ReadWord(chip, Configuration) & 0x8000, Is.Zero);
    }

    [Test]
    public void Shutdown_TemperatureChanges_RegisterHoldsLastConversion()
    {
        var thermal = new ConstantEnvironment { BoardCelsius = 25.0 };
        var chip = new Tmp102Model(0x48, thermal);

        WriteWord(chip, Configuration, 0x61A0);
        thermal.BoardCelsius = 50.0;

        Assert.That(ReadWord(chip, Temperature), Is.EqualTo(0x1900));
    }

    [Test]
    public void Shutdown_Entering_CompletesOneLastConversion()
    {
        var thermal = new ConstantEnvironment { BoardCelsius = 25.0 };
        var chip = new Tmp102Model(0x48, thermal);
        thermal.BoardCelsius = 30.0;

        WriteWord(chip, Configuration, 0x61A0);
        thermal.BoardCelsius = 40.0;

        Assert.That(ReadWord(chip, Temperature), Is.EqualTo(0x1E00), "30 C");
    }

    [Test]
    public void OneShot_InShutdown_ConvertsOnceAndOsReadsOne()
    {
        var thermal = new ConstantEnvironment { BoardCelsius = 25.0 };
        var chip = new Tmp102Model(0x48, thermal);
        WriteWord(chip, Configuration, 0x61A0);
        thermal.BoardCelsius = 50.0;

        WriteWord(chip, Configuration, 0xE1A0);
        thermal.BoardCelsius = 60.0;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, Temperature), Is.EqualTo(0x3200), "50 C from the one-shot, not 60 C");
            Assert.That(ReadWord(chip, Configuration) & 0x8000, Is.EqualTo(0x8000), "OS reads 1 after the conversion");
        }
    }

    [Test]
    public void OneShot_LeavingShutdown_OsReadsZeroAgain()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());
        WriteWord(chip, Configuration, 0xE1A0);

        WriteWord(chip, Configuration, 0x60A0);

        Assert.That(ReadWord(chip, Configuration), Is.EqualTo(0x60A0));
    }

    [Test]
    public void Convert_InShutdown_DoesNothing()
    {
        var thermal = new ConstantEnvironment { BoardCelsius = 25.0 };
        var chip = new Tmp102Model(0x48, thermal);
        WriteWord(chip, Configuration, 0x61A0);
        thermal.BoardCelsius = 50.0;

        chip.Convert();

        Assert.That(ReadWord(chip, Temperature), Is.EqualTo(0x1900));
    }

    [Test]
    public void AlertBit_ComparatorCrossesLimits_FollowsHysteresis()
    {
        var thermal = new ConstantEnvironment { BoardCelsius = 25.0 };
        var chip = new Tmp102Model(0x48, thermal);

        var alBits = new List<int>();
        foreach (double celsius in new[] { 25.0, 80.0, 77.0, 75.0, 74.9375, 79.9375 })
        {
            thermal.BoardCelsius = celsius;
            chip.Convert();
            alBits.Add((ReadWord(chip, Configuration) >> 5) & 1);
        }

        // POL = 0: AL reads 0 from T >= T_HIGH (80 C) until T < T_LOW (75 C).
        Assert.That(alBits, Is.EqualTo(new[] { 1, 0, 0, 0, 1, 1 }));
    }

    [Test]
    public void AlertBit_PolarityActiveHigh_IsInverted()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment { BoardCelsius = 90.0 });
        WriteWord(chip, Configuration, 0x64A0);

        chip.Convert();

        Assert.That(ReadWord(chip, Configuration) & 0x0020, Is.EqualTo(0x0020));
    }

    [Test]
    public void AlertBit_FaultQueueFour_NeedsFourConsecutiveFaults()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment { BoardCelsius = 90.0 });
        WriteWord(chip, Configuration, 0x70A0); // F1 F0 = 10: 4 faults

        var alBits = new List<int>();
        for (int i = 0; i < 4; i++)
        {
            chip.Convert();
            alBits.Add((ReadWord(chip, Configuration) >> 5) & 1);
        }

        Assert.That(alBits, Is.EqualTo(new[] { 1, 1, 1, 0 }));
    }

    [Test]
    public void Limits_WriteMostSignificantByteOnly_UpdatesThatByte()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());

        chip.Write([HighLimit, 0x64]);

        Assert.That(ReadWord(chip, HighLimit), Is.EqualTo(0x6400), "100 C");
    }

    [Test]
    public void Limits_UnusedLowBits_ReadZero()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());

        WriteWord(chip, LowLimit, 0x123F);

        Assert.That(ReadWord(chip, LowLimit), Is.EqualTo(0x1230));
    }

    [Test]
    public void Pointer_UpperBits_AreNotDecoded()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());

        chip.Write([0x05]);
        var buffer = new byte[2];
        chip.Read(buffer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chip.RegisterPointer, Is.EqualTo(Configuration));
            Assert.That(buffer, Is.EqualTo(new byte[] { 0x60, 0xA0 }));
        }
    }

    [Test]
    public void Read_ThreeBytes_RepeatsTheRegister()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());
        chip.Write([Configuration]);
        var buffer = new byte[3];

        chip.Read(buffer);

        Assert.That(buffer, Is.EqualTo(new byte[] { 0x60, 0xA0, 0x60 }));
    }

    [Test]
    public void PowerOnReset_AfterChanges_RestoresResetValues()
    {
        var chip = new Tmp102Model(0x48, new ConstantEnvironment());
        WriteWord(chip, Configuration, 0x7FF0);
        WriteWord(chip, HighLimit, 0x6400);

        chip.PowerOnReset();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, Configuration), Is.EqualTo(0x60A0));
            Assert.That(ReadWord(chip, HighLimit), Is.EqualTo(0x5000));
        }
    }

    [TestCase(0x47)]
    [TestCase(0x4C)]
    public void Constructor_AddressOutsideTmp102Range_Throws(int address)
    {
        Assert.That(
            () => new Tmp102Model(address, new ConstantEnvironment()),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("address"));
    }
}
