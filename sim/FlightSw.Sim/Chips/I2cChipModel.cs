namespace FlightSw.Sim.Chips;

/// <summary>
/// A register-level model of a chip on an I2C bus with 16-bit registers behind an 8-bit register
/// pointer, the way TI's INA and TMP families work: the first byte of a write sets the pointer,
/// further bytes write the register at the pointer most-significant byte first, and a read returns
/// the register at the pointer most-significant byte first. The pointer does not auto-increment.
/// </summary>
/// <remarks>
/// <para>
/// Modelling choices where the datasheets are silent: a read longer than two bytes repeats the
/// register (MSB, LSB, MSB, LSB ...) from one snapshot taken at the start of the read; a write
/// with more than one data word writes each complete word to the same register in turn; a write
/// with a single trailing data byte is passed to <see cref="WriteRegisterMostSignificantByte"/>,
/// which ignores it unless the chip supports single-byte updates (the TMP102 does).
/// </para>
/// <para>Reads and writes are serialised on the model, so a simulation thread may call
/// conversion methods while firmware reads the chip.</para>
/// </remarks>
public abstract class I2cChipModel
{
    /// <summary>Lowest 7-bit address a chip may answer at; 0x00 to 0x07 are reserved by the I2C specification.</summary>
    public const int MinimumAddress = 0x08;

    /// <summary>Highest 7-bit address a chip may answer at; 0x78 to 0x7F are reserved by the I2C specification.</summary>
    public const int MaximumAddress = 0x77;

    private byte _pointer;

    /// <summary>Creates a chip answering at <paramref name="address"/>.</summary>
    /// <param name="address">7-bit address, <see cref="MinimumAddress"/> to <see cref="MaximumAddress"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The address is outside the 7-bit range usable by a chip.</exception>
    protected I2cChipModel(int address)
    {
        if (address is < MinimumAddress or > MaximumAddress)
        {
            throw new ArgumentOutOfRangeException(
                nameof(address), address, $"A 7-bit I2C chip address must be 0x{MinimumAddress:X2} to 0x{MaximumAddress:X2}.");
        }

        Address = address;
    }

    /// <summary>The 7-bit address the chip answers at.</summary>
    public int Address { get; }

    /// <summary>The register pointer as last written (after the chip's own masking of unused pointer bits).</summary>
    public byte RegisterPointer
    {
        get
        {
            lock (SyncRoot)
            {
                return _pointer;
            }
        }
    }

    /// <summary>Guards the register state; derived classes take it in their own public methods.</summary>
    protected Lock SyncRoot { get; } = new();

    /// <summary>
    /// One I2C write transaction addressed to this chip: <paramref name="data"/>[0] sets the register
    /// pointer, and each following pair of bytes writes the register at the pointer, MSB first.
    /// Writes to read-only registers are ignored, as the chips do. An empty write (an address-only
    /// probe) changes nothing.
    /// </summary>
    /// <param name="data">The bytes the controller sent after the address byte.</param>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        lock (SyncRoot)
        {
            _pointer = MaskPointer(data[0]);
            ReadOnlySpan<byte> payload = data[1..];
            while (payload.Length >= 2)
            {
                WriteRegister(_pointer, (ushort)((payload[0] << 8) | payload[1]));
                payload = payload[2..];
            }

            if (payload.Length == 1)
            {
                WriteRegisterMostSignificantByte(_pointer, payload[0]);
            }
        }
    }

    /// <summary>
    /// One I2C read transaction addressed to this chip: fills <paramref name="buffer"/> with the
    /// register at the pointer, MSB first, repeating the register when more than two bytes are read.
    /// </summary>
    /// <param name="buffer">Receives the bytes the chip sends.</param>
    public void Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        lock (SyncRoot)
        {
            ushort value = ReadRegister(_pointer);
            byte msb = (byte)(value >> 8);
            byte lsb = (byte)(value & 0xFF);
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = i % 2 == 0 ? msb : lsb;
            }
        }
    }

    /// <summary>Returns the register at <paramref name="pointer"/> as the chip would send it now. Called under <see cref="SyncRoot"/>.</summary>
    /// <param name="pointer">Register pointer after <see cref="MaskPointer"/>.</param>
    protected abstract ushort ReadRegister(byte pointer);

    /// <summary>Writes a full 16-bit word to the register at <paramref name="pointer"/>; read-only registers ignore it. Called under <see cref="SyncRoot"/>.</summary>
    /// <param name="pointer">Register pointer after <see cref="MaskPointer"/>.</param>
    /// <param name="value">The word, assembled MSB first.</param>
    protected abstract void WriteRegister(byte pointer, ushort value);

    /// <summary>
    /// A write that ended after the most-significant data byte. The default ignores it (the register
    /// is only updated by a complete word); chips that update registers byte by byte override it.
    /// Called under <see cref="SyncRoot"/>.
    /// </summary>
    /// <param name="pointer">Register pointer after <see cref="MaskPointer"/>.</param>
    /// <param name="msb">The most-significant byte that was sent.</param>
    protected virtual void WriteRegisterMostSignificantByte(byte pointer, byte msb)
    {
    }

    /// <summary>Keeps the pointer bits the chip decodes. The default keeps all eight.</summary>
    /// <param name="pointer">The pointer byte as sent.</param>
    /// <returns>The pointer the chip stores.</returns>
    protected virtual byte MaskPointer(byte pointer) => pointer;

    /// <summary>Sets the register pointer, for a chip reset. Call under <see cref="SyncRoot"/>.</summary>
    /// <param name="pointer">The new pointer.</param>
    protected void SetRegisterPointer(byte pointer) => _pointer = pointer;
}
