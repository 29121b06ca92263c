using FlightSw.Link.Messages;

namespace FlightSw.Ground.Tests;

[TestFixture]
public class AcknowledgementTrackerTests
{
    [Test]
    public void Record_BothStagesOfARegisteredCommand_FiledWithIt()
    {
        var tracker = new AcknowledgementTracker();
        var pending = tracker.Register(3, 17);
        var accepted = new CommandAck(LinkServices.AcceptSuccess, 0x1234, 3, 17, 0, "");
        var completed = new CommandAck(LinkServices.CompleteSuccess, 0x1234, 3, 17, 0, "done");

        Assert.That(tracker.Record(completed), Is.True);
        Assert.That(tracker.Record(accepted), Is.True);

        Assert.That(pending.Acceptance, Is.SameAs(accepted));
        Assert.That(pending.Completion, Is.SameAs(completed));
    }

    [Test]
    public void Record_SameSequenceOtherKey_NotMatched()
    {
        var tracker = new AcknowledgementTracker();
        var pending = tracker.Register(3, 17);

        bool matched = tracker.Record(new CommandAck(LinkServices.AcceptSuccess, 0, 4, 17, 0, ""));

        Assert.That(matched, Is.False);
        Assert.That(pending.Acceptance, Is.Null);
    }

    [Test]
    public void Record_StageReportedTwice_KeepsTheFirst()
    {
        var tracker = new AcknowledgementTracker();
        var pending = tracker.Register(0, 1);
        var first = new CommandAck(LinkServices.AcceptSuccess, 0, 0, 1, 0, "");

        tracker.Record(first);
        tracker.Record(new CommandAck(LinkServices.AcceptFailure, 0, 0, 1, 9, "late"));

        Assert.That(pending.Acceptance, Is.SameAs(first));
    }

    [Test]
    public void Forget_RegisteredCommand_LaterAcknowledgementsUnmatched()
    {
        var tracker = new AcknowledgementTracker();
        var pending = tracker.Register(1, 5);

        tracker.Forget(pending);

        Assert.That(tracker.Count, Is.Zero);
        Assert.That(tracker.Record(new CommandAck(LinkServices.CompleteSuccess, 0, 1, 5, 0, "")), Is.False);
    }
}
