using FlightSw.Sim.Chips;
using FlightSw.Sim.Environment;
using static FlightSw.Sim.Tests.Chips.RegisterAccess;

namespace FlightSw.Sim.Tests.Chips;

public class Ina219ModelTests
{
    private const byte Configuration = 0x00;
    private const byte ShuntVoltage = 0x01;
    private const byte BusVoltage = 0x02;
    private const byte Power = 0x03;
    private const byte Current = 0x04;
    private const byte Calibration = 0x05;

    [Test]
    public void PowerOn_Registers_ReadDatasheetResetValues()
    {
        var chip = new Ina219Model(0x40, 0.1, new ConstantEnvironment());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, Configuration), Is.EqualTo(0x399F));
            Assert.That(ReadWord(chip, Calibration), Is.EqualTo(0x0000));
            Assert.That(ReadWord(chip, Current), Is.EqualTo(0x0000), "no current until calibrated");
            Assert.That(ReadWord(chip, Power), Is.EqualTo(0x0000), "no power until calibrated");
        }
    }

    [Test]
    public void Registers_DatasheetTable3Example_MatchDatasheetContents()
    {
        // SBOS448 "Configure/Measure/Calculate Example": 10 A load, VCM 12 V (11.98 V at IN-),
        // 2 mOhm shunt, 40 mV shunt range, 16 V bus range.
        var rail = new ConstantEnvironment { BusVolts = 11.98, CurrentAmps = 10.0 };
        var chip = new Ina219Model(0x40, 0.002, rail);

        WriteWord(chip, Configuration, 0x019F);
        WriteWord(chip, Calibration, 0x5000);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, Configuration), Is.EqualTo(0x019F));
            Assert.That(ReadWord(chip, ShuntVoltage), Is.EqualTo(0x07D0), "2000 x 10 uV = 20 mV");
            Assert.That(ReadWord(chip, BusVoltage) & 0xFFF8, Is.EqualTo(0x5D98), "2995 x 4 mV = 11.98 V");
            Assert.That(ReadWord(chip, Calibration), Is.EqualTo(0x5000));
            Assert.That(ReadWord(chip, Current), Is.EqualTo(0x2710), "10000 x 1 mA = 10 A");
            Assert.That(ReadWord(chip, Power), Is.EqualTo(0x1766), "5990 x 20 mW = 119.8 W");
        }
    }

    [Test]
    public void Registers_Calibration4096With100MilliOhmShunt_GiveCurrentInTenthsOfMilliamps()
    {
        // 32 V, 320 mV, 0.1 ohm: Cal 0x1000 gives a 100 uA current LSB and a 2 mW power LSB.
        var rail = new ConstantEnvironment { BusVolts = 12.0, CurrentAmps = 1.5 };
        var chip = new Ina219Model(0x40, 0.1, rail);

        WriteWord(chip, Calibration, 0x1000);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, ShuntVoltage), Is.EqualTo(15000), "150 mV");
            Assert.That(ReadWord(chip, BusVoltage) >> 3, Is.EqualTo(3000), "12 V");
            Assert.That(ReadWord(chip, Current), Is.EqualTo(15000), "1.5 A / 100 uA");
            Assert.That(ReadWord(chip, Power), Is.EqualTo(9000), "18 W / 2 mW");
        }
    }

    [Test]
    public void ShuntAndCurrent_NegativeCurrent_AreTwosComplement()
    {
        var rail = new ConstantEnvironment { BusVolts = 12.0, CurrentAmps = -0.5 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Calibration, 0x1000);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, ShuntVoltage), Is.EqualTo(0xEC78), "-5000 = -50 mV");
            Assert.That(ReadWord(chip, Current), Is.EqualTo(0xEC78), "-5000 = -0.5 A");
            Assert.That(ReadWord(chip, Power), Is.EqualTo(3000), "power is a magnitude: 6 W");
        }
    }

    [TestCase(0x019F, 1.0, 0x0FA0)] // PGA /1: +40 mV full scale, 4000 counts
    [TestCase(0x019F, -1.0, 0xF060)] // -4000 counts
    [TestCase(0x099F, 1.0, 0x1F40)] // PGA /2: 80 mV, 8000 counts
    [TestCase(0x119F, 2.0, 0x3E80)] // PGA /4: 160 mV, 16000 counts
    [TestCase(0x399F, 4.0, 0x7D00)] // PGA /8: 320 mV, 32000 counts
    public void ShuntVoltage_BeyondPgaRange_ClampsAndSetsOverflow(int configuration, double amps, int expectedShunt)
    {
        var rail = new ConstantEnvironment { BusVolts = 5.0, CurrentAmps = amps };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Configuration, (ushort)configuration);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, ShuntVoltage), Is.EqualTo(expectedShunt));
            Assert.That(ReadWord(chip, BusVoltage) & 0x1, Is.EqualTo(1), "OVF");
        }
    }

    [Test]
    public void ShuntVoltage_WithinPgaRange_LeavesOverflowClear()
    {
        var rail = new ConstantEnvironment { BusVolts = 5.0, CurrentAmps = 3.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Calibration, 0x1000);

        Assert.That(ReadWord(chip, BusVoltage) & 0x1, Is.Zero);
    }

    [Test]
    public void Current_BeyondRegisterRange_ClampsAndSetsOverflow()
    {
        var rail = new ConstantEnvironment { BusVolts = 5.0, CurrentAmps = 3.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Calibration, 0xFFFE); // 30000 x 65534 / 4096 does not fit 16 bits

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, Current), Is.EqualTo(0x7FFF));
            Assert.That(ReadWord(chip, BusVoltage) & 0x1, Is.EqualTo(1), "OVF");
        }
    }

    [TestCase(0x199F, 20.0, 4000)] // 16 V range
    [TestCase(0x399F, 40.0, 8000)] // 32 V range
    [TestCase(0x399F, -1.0, 0)]
    public void BusVoltage_BeyondRange_Clamps(int configuration, double volts, int expectedCounts)
    {
        var rail = new ConstantEnvironment { BusVolts = volts, CurrentAmps = 0.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Configuration, (ushort)configuration);

        Assert.That(ReadWord(chip, BusVoltage) >> 3, Is.EqualTo(expectedCounts));
    }

    [TestCase(5.0019, 1250)]
    [TestCase(5.0021, 1251)]
    public void BusVoltage_BetweenSteps_RoundsToNearestLsb(double volts, int expectedCounts)
    {
        var chip = new Ina219Model(0x40, 0.1, new ConstantEnvironment { BusVolts = volts });

        Assert.That(ReadWord(chip, BusVoltage) >> 3, Is.EqualTo(expectedCounts));
    }

    [TestCase(0.1234567, 1235)]
    [TestCase(-0.1234567, -1235)]
    [TestCase(0.1234449, 1234)]
    public void ShuntVoltage_BetweenSteps_RoundsToNearestLsb(double amps, int expectedCounts)
    {
        var chip = new Ina219Model(0x40, 0.1, new ConstantEnvironment { CurrentAmps = amps });

        Assert.That(unchecked((short)ReadWord(chip, ShuntVoltage)), Is.EqualTo(expectedCounts));
    }

    [Test]
    public void Configuration_ResetBit_RestoresPowerOnValuesAndSelfClears()
    {
        var chip = new Ina219Model(0x40, 0.1, new ConstantEnvironment());
        WriteWord(chip, Configuration, 0x019F);
        WriteWord(chip, Calibration, 0x1000);

        WriteWord(chip, Configuration, 0x8000);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, Configuration), Is.EqualTo(0x399F));
            Assert.That(ReadWord(chip, Calibration), Is.EqualTo(0x0000));
            Assert.That(ReadWord(chip, Current), Is.EqualTo(0x0000));
        }
    }

    [Test]
    public void Configuration_UnusedBit14_ReadsZero()
    {
        var chip = new Ina219Model(0x40, 0.1, new ConstantEnvironment());

        WriteWord(chip, Configuration, 0x799F);

        Assert.That(ReadWord(chip, Configuration), Is.EqualTo(0x399F));
    }

    [Test]
    public void Calibration_Bit0_IsNotStored()
    {
        var chip = new Ina219Model(0x40, 0.1, new ConstantEnvironment());

        WriteWord(chip, Calibration, 0x1001);

        Assert.That(ReadWord(chip, Calibration), Is.EqualTo(0x1000));
    }

    [TestCase(ShuntVoltage)]
    [TestCase(BusVoltage)]
    [TestCase(Power)]
    [TestCase(Current)]
    public void DataRegisters_Write_IsIgnored(byte register)
    {
        var rail = new ConstantEnvironment { BusVolts = 0.0, CurrentAmps = 0.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Calibration, 0x1000);

        WriteWord(chip, register, 0x1234);

        Assert.That(ReadWord(chip, register) & 0xFFF8, Is.Zero, "flags aside, the register still holds the 0 V / 0 A conversion");
    }

    [Test]
    public void ContinuousMode_RailChangesBetweenReads_EachReadConvertsAnew()
    {
        var rail = new ConstantEnvironment { BusVolts = 5.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        ushort first = ReadWord(chip, BusVoltage);

        rail.BusVolts = 6.0;
        ushort second = ReadWord(chip, BusVoltage);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first >> 3, Is.EqualTo(1250));
            Assert.That(second >> 3, Is.EqualTo(1500));
        }
    }

    [Test]
    public void TriggeredMode_AfterTrigger_HoldsValuesAndSetsConversionReady()
    {
        var rail = new ConstantEnvironment { BusVolts = 5.0, CurrentAmps = 1.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Calibration, 0x1000);

        WriteWord(chip, Configuration, 0x399B); // shunt and bus, triggered
        rail.BusVolts = 6.0;
        rail.CurrentAmps = 2.0;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, BusVoltage), Is.EqualTo((1250 << 3) | 0x2), "5 V with CNVR");
            Assert.That(ReadWord(chip, ShuntVoltage), Is.EqualTo(10000), "100 mV held");
            Assert.That(ReadWord(chip, Current), Is.EqualTo(10000), "1 A held");
        }
    }

    [Test]
    public void TriggeredMode_ReadingPower_ClearsConversionReady()
    {
        var rail = new ConstantEnvironment { BusVolts = 5.0, CurrentAmps = 1.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Calibration, 0x1000);
        WriteWord(chip, Configuration, 0x399B);

        ushort power = ReadWord(chip, Power);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(power, Is.EqualTo(2500), "5 W / 2 mW");
            Assert.That(ReadWord(chip, BusVoltage) & 0x2, Is.Zero, "CNVR cleared by the power read");
        }
    }

    [Test]
    public void TriggeredMode_WritingModeAgain_TriggersNewConversion()
    {
        var rail = new ConstantEnvironment { BusVolts = 5.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Configuration, 0x399A); // bus triggered
        rail.BusVolts = 7.0;

        WriteWord(chip, Configuration, 0x399A);

        Assert.That(ReadWord(chip, BusVoltage) >> 3, Is.EqualTo(1750));
    }

    [TestCase(0x3998)] // power-down
    [TestCase(0x399C)] // ADC off
    public void PowerDownOrAdcOff_RailChanges_ReturnsLastValues(int configuration)
    {
        var rail = new ConstantEnvironment { BusVolts = 5.0, CurrentAmps = 1.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        WriteWord(chip, Calibration, 0x1000);
        _ = ReadWord(chip, BusVoltage);

        WriteWord(chip, Configuration, (ushort)configuration);
        rail.BusVolts = 9.0;
        rail.CurrentAmps = 2.0;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadWord(chip, BusVoltage) >> 3, Is.EqualTo(1250));
            Assert.That(ReadWord(chip, ShuntVoltage), Is.EqualTo(10000));
            Assert.That(ReadWord(chip, Current), Is.EqualTo(10000));
        }
    }

    [Test]
    public void Convert_InPowerDown_DoesNothing()
    {
        var rail = new ConstantEnvironment { BusVolts = 5.0 };
        var chip = new Ina219Model(0x40, 0.1, rail);
        _ = ReadWord(chip, BusVoltage);
        WriteWord(chip, Configuration, 0x3998);
        rail.BusVolts = 8.0;

        chip.Convert();

        Assert.That(ReadWord(chip, BusVoltage) >> 3, Is.EqualTo(1250));
    }

    [Test]
    public void Read_WithoutNewPointer_ReadsTheSameRegisterAgain()
    {
        var chip = new Ina219Model(0x40, 0.1, new ConstantEnvironment { BusVolts = 5.0 });
        chip.Write([BusVoltage]);
        var first = new byte[2];
        var second = new byte[2];

        chip.Read(first);
        chip.Read(second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((first[0] << 8) | first[1]) >> 3, Is.EqualTo(1250));
            Assert.That(second, Is.EqualTo(first));
        }
    }

    [Test]
    public void Read_FourBytes_RepeatsTheRegister()
    {
        var chip = new Ina219Model(0x40, 0.1, new ConstantEnvironment());
        chip.Write([Configuration]);
        var buffer = new byte[4];

        chip.Read(buffer);

        Assert.That(buffer, Is.EqualTo(new byte[] { 0x39, 0x9F, 0x39, 0x9F }));
    }

    [Test]
    public void PowerOnReset_ResetsPointerToConfiguration()
    {
        var chip = new Ina219Model(0x40, 0.1, new ConstantEnvironment());
        chip.Write([Calibration]);

        chip.PowerOnReset();

        Assert.That(chip.RegisterPointer, Is.EqualTo(Configuration));
    }

    [TestCase(0x3F)]
    [TestCase(0x50)]
    public void Constructor_AddressOutsideIna219Range_Throws(int address)
    {
        Assert.That(
            () => new Ina219Model(address, 0.1, new ConstantEnvironment()),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("address"));
    }

    [TestCase(0.0)]
    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    public void Constructor_ShuntNotPositive_Throws(double shuntOhms)
    {
        Assert.That(
            () => new Ina219Model(0x40, shuntOhms, new ConstantEnvironment()),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("shuntOhms"));
    }
}
