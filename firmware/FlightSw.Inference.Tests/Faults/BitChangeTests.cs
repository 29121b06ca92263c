using FlightSw.Inference.Faults;

namespace FlightSw.Inference.Tests.Faults;

public class BitChangeTests
{
    [Test]
    public void Apply_ClearThenSetThenFlip_InThatOrder()
    {
        var change = new BitChange(Flip: 0b0001, Set: 0b0110, Clear: 0b1111);
        Assert.That(change.Apply(0b1011u), Is.EqualTo(0b0111u));
    }

    [Test]
    public void FlipBit_InvertsOneBit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BitChange.FlipBit(31).Apply(1.5f), Is.EqualTo(-1.5f));
            Assert.That(() => BitChange.FlipBit(32), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
