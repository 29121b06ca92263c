using FlightSw.Core.Application;
using FlightSw.Core.Commands;
using FlightSw.Core.Events;
using FlightSw.Core.Tests.Fixtures;

namespace FlightSw.Core.Tests.Commands;

public class CommandDispatcherTests
{
    /// <summary>A node with a component answering TST_ECHO, TST_SET, TST_REFUSE and TST_THROW, and the log of what its handlers ran.</summary>
    private static TestNode Node(List<string> executed, FlightApplicationOptions? options = null) => TestNode.Boot(app =>
    {
        var probe = new TestComponent();
        probe.AddCommand(0, "TST_ECHO", args =>
        {
            executed.Add("echo " + args.GetString("text"));
            return CommandResult.Ok(args.GetString("text"));
        }, CommandArgumentDefinition.String("text", "What to answer", maxLength: 8));
        probe.AddCommand(1, "TST_SET", args =>
        {
            executed.Add($"set {args.GetInt32("value")} {args.GetDouble("gain")}");
            return CommandResult.Ok("set");
        }, CommandArgumentDefinition.Int32("value", "", 0, 100), CommandArgumentDefinition.Float64("gain", "", -1, 1));
        probe.AddCommand(2, "TST_REFUSE", _ =>
        {
            executed.Add("refuse");
            return CommandResult.Refused("not in this mode");
        });
        probe.AddCommand(3, "TST_THROW", _ =>
        {
            executed.Add("throw");
            throw new InvalidOperationException("handler bug");
        });
        app.Add(probe);
    }, options);

    [Test]
    public void Execute_NoOpCommand_CompletesAndRaisesCmdCompleted()
    {
        using var node = Node([]);

        var response = node.App.Commands.Execute(CommandRequest.Of("CMD_NOOP"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("CMD_NOOP", CommandStatus.Completed, "no-op")));
            Assert.That(response.Succeeded, Is.True);
            Assert.That(node.EventsNamed("CMD_COMPLETED").Select(e => e.Message), Is.EqualTo(new[] { "CMD_NOOP completed: no-op" }));
            Assert.That(node.Telemetry("CMD_COMPLETED"), Is.EqualTo(1u));
            Assert.That(node.Telemetry("CMD_REJECTED"), Is.Null, "never written");
        }
    }

    [Test]
    public void Execute_ValidArguments_HandlerGetsThemTyped()
    {
        var executed = new List<string>();
        using var node = Node(executed);

        var response = node.App.Commands.Execute(CommandRequest.Of("TST_SET", "42", "-0.5"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.Completed));
            Assert.That(executed, Is.EqualTo(new[] { "set 42 -0.5" }));
        }
    }

    [Test]
    public void Execute_NameInAnotherCase_RunsTheCommandUnderItsDeclaredName()
    {
        using var node = Node([]);

        var response = node.App.Commands.Execute(CommandRequest.Of("cmd_noop"));

        Assert.That(response, Is.EqualTo(new CommandResponse("CMD_NOOP", CommandStatus.Completed, "no-op")));
    }

    [Test]
    public void Execute_UnknownCommand_RejectedWithUnknownCommand()
    {
        using var node = Node([]);

        var response = node.App.Commands.Execute(CommandRequest.Of("SELF_DESTRUCT"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("SELF_DESTRUCT", CommandStatus.UnknownCommand, "no command named 'SELF_DESTRUCT'")));
            Assert.That(node.EventsNamed("CMD_REJECTED").Select(e => e.Message), Is.EqualTo(new[] { "SELF_DESTRUCT rejected (UnknownCommand): no command named 'SELF_DESTRUCT'" }));
            Assert.That(node.EventsNamed("CMD_REJECTED")[0]["status"], Is.EqualTo(CommandStatus.UnknownCommand));
            Assert.That(node.Telemetry("CMD_REJECTED"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void Execute_UnknownCommandWithALongName_ClipsItInTheEvent()
    {
        using var node = Node([]);
        string name = new('X', 100);

        node.App.Commands.Execute(CommandRequest.Of(name));

        Assert.That(node.EventsNamed("CMD_REJECTED")[0]["command"], Is.EqualTo(new string('X', 32) + "..."));
    }

    [TestCase]
    [TestCase("1")]
    [TestCase("1", "0.5", "extra")]
    public void Execute_WrongArgumentCount_RejectedAsInvalidArgumentsWithoutRunningTheHandler(params string[] arguments)
    {
        var executed = new List<string>();
        using var node = Node(executed);

        var response = node.App.Commands.Execute(CommandRequest.Of("TST_SET", arguments));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(CommandStatus.InvalidArguments));
            Assert.That(response.Message, Is.EqualTo($"takes 2 arguments (value, gain), got {arguments.Length}"));
            Assert.That(executed, Is.Empty);
            Assert.That(node.EventsNamed("CMD_REJECTED"), Has.Count.EqualTo(1));
        }
    }

    [TestCase("TST_SET", "101", "0", "argument 'value' must be between 0 and 100 (was 101)")]
    [TestCase("TST_SET", "-1", "0", "argument 'value' must be between 0 and 100 (was -1)")]
    [TestCase("TST_SET", "50", "NaN", "argument 'gain' must be a finite number (was 'NaN')")]
    [TestCase("TST_SET", "50", "1.5", "argument 'gain' must be between -1 and 1 (was 1.5)")]
    [TestCase("TST_SET", "fifty", "0", "argument 'value' must be a whole number (was 'fifty')")]
    [TestCase("TST_ECHO", "too long!", null, "argument 'text' is 9 characters long; at most 8 are allowed")]
    [TestCase("TST_ECHO", "gr\u00fc\u00df", null, "argument 'text' must be printable ASCII")]
    [TestCase("TST_ECHO", "a\r\nb", null, "argument 'text' must be printable ASCII")]
    public void Execute_InvalidArgument_RejectedAsInvalidArgumentsWithTheReason(string command, string first, string? second, string reason)
    {
        var executed = new List<string>();
        using var node = Node(executed);
        string[] arguments = second is null ? [first] : [first, second];

        var response = node.App.Commands.Execute(CommandRequest.Of(command, arguments));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse(command, CommandStatus.InvalidArguments, reason)));
            Assert.That(executed, Is.Empty);
            Assert.That(node.EventsNamed("CMD_REJECTED").Select(e => e.Message), Is.EqualTo(new[] { $"{command} rejected (InvalidArguments): {reason}" }));
            Assert.That(node.Telemetry("CMD_REJECTED"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void Execute_EmptyRequest_RejectedAsInvalidArguments()
    {
        using var node = Node([]);

        var noName = node.App.Commands.Execute(new CommandRequest(null!, []));
        var noArguments = node.App.Commands.Execute(new CommandRequest("CMD_NOOP", null!));
        var noRequest = node.App.Commands.Execute(null!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(noName, Is.EqualTo(new CommandResponse("", CommandStatus.InvalidArguments, "empty request")));
            Assert.That(noArguments.Status, Is.EqualTo(CommandStatus.InvalidArguments));
            Assert.That(noRequest.Status, Is.EqualTo(CommandStatus.InvalidArguments));
            Assert.That(node.Telemetry("CMD_REJECTED"), Is.EqualTo(3u));
        }
    }

    [Test]
    public void Execute_CommandOfADisabledComponent_RejectedWithoutRunningTheHandler()
    {
        var executed = new List<string>();
        using var node = Node(executed);
        node.App.FindComponent("probe")!.Disable();

        var response = node.App.Commands.Execute(CommandRequest.Of("TST_ECHO", "hi"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("TST_ECHO", CommandStatus.Rejected, "component probe was disabled by the health monitor in this boot")));
            Assert.That(executed, Is.Empty);
            Assert.That(node.EventsNamed("CMD_REJECTED").Select(e => e.Message), Is.EqualTo(new[]
            {
                "TST_ECHO rejected (Rejected): component probe was disabled by the health monitor in this boot",
            }));
            Assert.That(node.Telemetry("CMD_REJECTED"), Is.EqualTo(1u));
        }
    }

    [Test]
    public void Execute_CommandOfASkippedComponent_RejectedBeforeItsArgumentsAreChecked()
    {
        var executed = new List<string>();
        using var node = Node(executed);
        node.App.FindComponent("probe")!.Skip();

        var response = node.App.Commands.Execute(CommandRequest.Of("TST_SET", "too", "many", "arguments"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("TST_SET", CommandStatus.Rejected, "component probe is not running in this SAFE boot (essential components only)")));
            Assert.That(executed, Is.Empty);
        }
    }

    [Test]
    public void Execute_CommandOfARestartedComponent_RunsAsBefore()
    {
        var executed = new List<string>();
        using var node = Node(executed);
        var probe = node.App.FindComponent("probe")!;
        probe.InjectHang();
        probe.Restart();

        var response = node.App.Commands.Execute(CommandRequest.Of("TST_ECHO", "hi"));

        Assert.That(response.Status, Is.EqualTo(CommandStatus.Completed));
    }

    [Test]
    public void Execute_HandlerRefuses_RejectedWithTheHandlersReason()
    {
        using var node = Node([]);

        var response = node.App.Commands.Execute(CommandRequest.Of("TST_REFUSE"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("TST_REFUSE", CommandStatus.Rejected, "not in this mode")));
            Assert.That(node.EventsNamed("CMD_REJECTED").Select(e => e.Message), Is.EqualTo(new[] { "TST_REFUSE rejected (Rejected): not in this mode" }));
            Assert.That(node.EventsNamed("CMD_COMPLETED"), Is.Empty);
        }
    }

    [Test]
    public void Execute_HandlerThrows_FailedWithCmdFailedAndNothingEscapes()
    {
        var executed = new List<string>();
        using var node = Node(executed);

        CommandResponse? response = null;
        Assert.That(() => response = node.App.Commands.Execute(CommandRequest.Of("TST_THROW")), Throws.Nothing);

        var failed = node.EventsNamed("CMD_FAILED");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response, Is.EqualTo(new CommandResponse("TST_THROW", CommandStatus.Failed, "handler bug")));
            Assert.That(executed, Is.EqualTo(new[] { "throw" }));
            Assert.That(failed.Select(e => e.Message), Is.EqualTo(new[] { "TST_THROW failed: InvalidOperationException: handler bug" }));
            Assert.That(failed[0].Severity, Is.EqualTo(EventSeverity.WarningHigh));
            Assert.That(node.Telemetry("CMD_REJECTED"), Is.EqualTo(1u), "failures count with the rejections");
        }
    }

    [Test]
    public void Submit_Commands_AreExecutedOnTheNextTenHertzCycleInOrder()
    {
        var executed = new List<string>();
        using var node = Node(executed);
        var replies = new List<CommandResponse>();

        node.App.Commands.Submit(CommandRequest.Of("TST_ECHO", "a"), replies.Add);
        node.App.Commands.Submit(CommandRequest.Of("TST_SET", "7", "0"), replies.Add);
        node.App.Commands.Submit(CommandRequest.Of("TST_ECHO", "c"), replies.Add);
        int pendingBefore = node.App.Commands.Pending;
        var repliesBefore = replies.ToArray();
        node.RunForMilliseconds(100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pendingBefore, Is.EqualTo(3));
            Assert.That(repliesBefore, Is.Empty, "nothing runs outside the flight cycle");
            Assert.That(executed, Is.EqualTo(new[] { "echo a", "set 7 0", "echo c" }));
            Assert.That(replies.Select(r => (r.Command, r.Status, r.Message)), Is.EqualTo(new[]
            {
                ("TST_ECHO", CommandStatus.Completed, "a"),
                ("TST_SET", CommandStatus.Completed, "set"),
                ("TST_ECHO", CommandStatus.Completed, "c"),
            }));
            Assert.That(node.App.Commands.Pending, Is.Zero);
        }
    }

    [Test]
    public void Submit_InvalidCommand_IsAnsweredWithItsStatusOnTheCycle()
    {
        using var node = Node([]);
        var replies = new List<CommandResponse>();

        node.App.Commands.Submit(CommandRequest.Of("NOPE"), replies.Add);
        node.App.Commands.Submit(CommandRequest.Of("TST_THROW"), replies.Add);
        node.App.Commands.Submit(CommandRequest.Of("CMD_NOOP"));
        node.RunForMilliseconds(100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replies.Select(r => r.Status), Is.EqualTo(new[] { CommandStatus.UnknownCommand, CommandStatus.Failed }));
            Assert.That(node.Telemetry("CMD_COMPLETED"), Is.EqualTo(1u), "a command without a reply callback still runs");
        }
    }

    [Test]
    public void Submit_QueueFull_AnswersQueueFullAtOnceAndDropsTheCommand()
    {
        var executed = new List<string>();
        using var node = Node(executed, new FlightApplicationOptions { CommandQueueCapacity = 2 });
        var replies = new List<CommandResponse>();

        node.App.Commands.Submit(CommandRequest.Of("TST_ECHO", "1"), replies.Add);
        node.App.Commands.Submit(CommandRequest.Of("TST_ECHO", "2"), replies.Add);
        node.App.Commands.Submit(CommandRequest.Of("TST_ECHO", "3"), replies.Add);
        var immediate = replies.ToArray();
        node.RunForMilliseconds(100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(immediate, Is.EqualTo(new[] { new CommandResponse("TST_ECHO", CommandStatus.QueueFull, "the command queue holds 2 commands already") }));
            Assert.That(executed, Is.EqualTo(new[] { "echo 1", "echo 2" }));
            Assert.That(replies.Skip(1).Select(r => r.Message), Is.EqualTo(new[] { "1", "2" }));
            Assert.That(node.EventsNamed("CMD_REJECTED").Select(e => e.Message), Is.EqualTo(new[] { "TST_ECHO rejected (QueueFull): the command queue holds 2 commands already" }));
        }
    }

    [Test]
    public void OnCycle_CommandSubmittedDuringACycle_WaitsForTheNextCycle()
    {
        using var node = Node([]);
        var replies = new List<(string Command, TimeSpan At)>();
        var commands = node.App.Commands;
        commands.Submit(CommandRequest.Of("CMD_NOOP"), first =>
        {
            replies.Add((first.Command, node.SinceStart));
            commands.Submit(CommandRequest.Of("TST_ECHO", "again"), second => replies.Add((second.Command, node.SinceStart)));
        });

        node.RunForMilliseconds(200);

        Assert.That(replies, Is.EqualTo(new[]
        {
            ("CMD_NOOP", TimeSpan.FromMilliseconds(100)),
            ("TST_ECHO", TimeSpan.FromMilliseconds(200)),
        }));
    }

    [Test]
    public void Find_ByNameOrOpcode_ReturnsTheDefinitionWithItsOwner()
    {
        using var node = Node([]);

        var byName = node.App.Commands.Find("tst_set");
        var byOpcode = node.App.Commands.Find((ushort)0x2001);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byName, Is.Not.Null);
            Assert.That(byOpcode, Is.SameAs(byName));
            Assert.That(byName!.Name, Is.EqualTo("TST_SET"));
            Assert.That(byName.Component, Is.EqualTo("probe"));
            Assert.That(byName.Arguments.Select(a => a.Name), Is.EqualTo(new[] { "value", "gain" }));
            Assert.That(node.App.Commands.Find((ushort)0x0400)!.Name, Is.EqualTo("CMD_NOOP"));
            Assert.That(node.App.Commands.Find("NOPE"), Is.Null);
            Assert.That(node.App.Commands.All.Select(c => c.Name), Is.SupersetOf(new[] { "CMD_NOOP", "MODE_SET", "PRM_SET", "PRM_GET", "PRM_RESET", "NODE_RESET", "NODE_POWER_CYCLE", "TST_ECHO" }));
        }
    }

    [Test]
    public void Constructor_ZeroQueueCapacity_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => new CommandDispatcher(0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
