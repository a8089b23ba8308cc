using Kizuna.Journeys.Library;
using Kizuna.Journeys.Model;
using Kizuna.Segments.Definitions;
using Kizuna.Templates.Store;

namespace Kizuna.Journeys;

public sealed class JourneyValidatorTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JourneyReferences References = new(
        new Dictionary<long, TemplateSummary>
        {
            [1] = new(1, TemplateKind.Template, "cart", 3, "Cart", null, T, T, "test"),
            [2] = new(2, TemplateKind.Template, "offer", 1, null, null, T, T, "test", "sms"),
        },
        id => id == 7 ? new InSegmentCondition(8) : null);

    private static readonly JourneyEntryRule Checkout = new(JourneyEntryRule.OnEvent, "Checkout Started", "property.cart_id exists");

    private static IReadOnlyList<JourneyError> Validate(params JourneyNode[] nodes) =>
        JourneyValidator.Validate(new JourneyDefinition(Checkout, nodes), References);

    [Fact]
    public void Validate_AbandonedCartShape_HasNoErrors()
    {
        var errors = Validate(
            new JourneyNode("wait", JourneyNodeKinds.WaitEvent, Next: "done", Event: "Order Completed", Match: ["cart_id"], Timeout: "1h", OnTimeout: "email"),
            new JourneyNode("email", JourneyNodeKinds.Message, Next: "done", Channel: "email", TemplateId: 1),
            new JourneyNode("done", JourneyNodeKinds.Exit));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_WaitWithoutTimeout_NamesTheNode()
    {
        var error = Assert.Single(Validate(new JourneyNode("wait", JourneyNodeKinds.WaitEvent, Event: "Order Completed")));

        Assert.Equal(("nodes[0].timeout", "wait"), (error.Field, error.Node));
        Assert.Contains("needs a timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnreachableNode_NamesIt()
    {
        var error = Assert.Single(Validate(
            new JourneyNode("first", JourneyNodeKinds.Exit),
            new JourneyNode("orphan", JourneyNodeKinds.Message, Channel: "email", TemplateId: 1)));

        Assert.Equal(("nodes[1]", "orphan", "No path from the start reaches this node."), (error.Field, error.Node, error.Message));
    }

    [Fact]
    public void Validate_CycleWithoutDelay_IsRefusedButACycleThroughADelayIsNot()
    {
        var busy = Assert.Single(Validate(
            new JourneyNode("a", JourneyNodeKinds.Message, Next: "b", Channel: "email", TemplateId: 1),
            new JourneyNode("b", JourneyNodeKinds.Branch, Next: "a", Condition: "trait.vip = true", Else: null)));
        Assert.Contains("a → b → a", busy.Message, StringComparison.Ordinal);
        Assert.Contains("no delay or wait", busy.Message, StringComparison.Ordinal);

        Assert.Empty(Validate(
            new JourneyNode("a", JourneyNodeKinds.Message, Next: "b", Channel: "email", TemplateId: 1),
            new JourneyNode("b", JourneyNodeKinds.Delay, Next: "a", Duration: "7d")));
    }

    [Fact]
    public void Validate_MissingTemplateWrongChannelAndVersion_AreNamed()
    {
        var errors = Validate(
            new JourneyNode("a", JourneyNodeKinds.Message, Next: "b", Channel: "email", TemplateId: 99),
            new JourneyNode("b", JourneyNodeKinds.Message, Next: "c", Channel: "email", TemplateId: 2),
            new JourneyNode("c", JourneyNodeKinds.Message, Channel: "email", TemplateId: 1, TemplateVersion: 4));

        Assert.Equal(
            [("nodes[0].templateId", "a"), ("nodes[1].templateId", "b"), ("nodes[2].templateVersion", "c")],
            errors.Select(e => (e.Field, e.Node)));
        Assert.Contains("Template 99 does not exist", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("is a sms template, not email", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownSegmentBadWeightsAndUnknownEdge_AreNamed()
    {
        var errors = Validate(
            new JourneyNode("split", JourneyNodeKinds.Split, Paths: [new SplitPath("A", 50, "seg"), new SplitPath("B", 40, "nowhere", Control: true)]),
            new JourneyNode("seg", JourneyNodeKinds.WaitSegment, SegmentId: 5, Timeout: "1d"));

        Assert.Contains(errors, e => e is { Field: "nodes[0].paths", Node: "split" } && e.Message.Contains("add up to 90, not 100", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Field: "nodes[0].paths", Node: "split" } && e.Message.Contains("leads to 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Field: "nodes[1].segmentId", Node: "seg" } && e.Message.Contains("Segment 5 is not an active segment", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_FiltersAndConditions_AreReadByTheSegmentLanguage()
    {
        var errors = JourneyValidator.Validate(
            new JourneyDefinition(
                new JourneyEntryRule(JourneyEntryRule.OnEvent, "Checkout Started", "property.total >"),
                [new JourneyNode("b", JourneyNodeKinds.Branch, Condition: "trait.plan = ", EntryWhere: "property.cart_id exists")],
                Exits: [new ExitCriterion("Order Completed", ["cart_id"], "property.total > 0")],
                Goal: new ConversionGoal("Order Completed", "soon")),
            References);

        Assert.Equal(["entry.where", "goal.window", "nodes[0].condition"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains("is not a duration", errors.Single(e => e.Field == "goal.window").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DelaysNameOneWayAndReadableTimes()
    {
        var errors = Validate(
            new JourneyNode("both", JourneyNodeKinds.Delay, Next: "clock", Duration: "1h", Until: new TimeOfDayDelay("09:00")),
            new JourneyNode("clock", JourneyNodeKinds.Delay, Next: "day", Until: new TimeOfDayDelay("25:00", ["mon", "someday"])),
            new JourneyNode("day", JourneyNodeKinds.Delay, Duration: "0h"));

        Assert.Equal(
            [("nodes[0].duration", "both"), ("nodes[1].until.time", "clock"), ("nodes[1].until.weekdays", "clock"), ("nodes[2].duration", "day")],
            errors.Select(e => (e.Field, e.Node)));
    }

    [Fact]
    public void Validate_EveryReadyMadeJourney_PassesOnceItsTemplatesExist()
    {
        foreach (var ready in ReadyJourneys.All)
        {
            var ids = ready.Messages.Select((m, i) => (m.Node, Id: 100L + i)).ToDictionary(p => p.Node, p => p.Id);
            var templates = ready.Messages.Select((m, i) => new TemplateSummary(100 + i, TemplateKind.Template, m.TemplateName, 1, m.Subject, null, T, T, "test", m.Channel == "email" ? null : m.Channel))
                .ToDictionary(t => t.Id);
            var definition = ready.Definition with { Nodes = [.. ready.Definition.Nodes.Select(n => ids.TryGetValue(n.Id, out var id) ? n with { TemplateId = id } : n)] };

            Assert.True(JourneyValidator.Validate(definition, new JourneyReferences(templates, _ => null)) is { Count: 0 }, $"{ready.Key}: {string.Join("; ", JourneyValidator.Validate(definition, new JourneyReferences(templates, _ => null)))}");
        }
    }
}
