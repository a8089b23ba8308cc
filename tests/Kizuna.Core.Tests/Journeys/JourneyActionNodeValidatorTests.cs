using System.Text.Json.Nodes;
using Kizuna.Journeys.Model;
using Kizuna.Templates.Store;

namespace Kizuna.Journeys;

public sealed class JourneyActionNodeValidatorTests
{
    private static readonly JourneyReferences References = new(
        new Dictionary<long, TemplateSummary>(), _ => null, new HashSet<string>(StringComparer.Ordinal) { "newsletter" },
        text => text.Contains("{{ oops", StringComparison.Ordinal) ? "1:4: unclosed output" : null);

    private static IReadOnlyList<JourneyError> Validate(params JourneyNode[] nodes) =>
        JourneyValidator.Validate(new JourneyDefinition(new JourneyEntryRule(JourneyEntryRule.OnEvent, "Signed Up"), nodes), References);

    [Fact]
    public void Validate_WellFormedActionNodes_HaveNoErrors()
    {
        var errors = Validate(
            new JourneyNode("hook", JourneyNodeKinds.Webhook, Next: "update", OnFailure: "done",
                Webhook: new WebhookCall("POST", "https://crm.example.com/{{ data.plan }}", new Dictionary<string, string> { ["X-Plan"] = "{{ data.plan }}" }, "{\"id\": \"{{ customer.id }}\"}", 5, 1)),
            new JourneyNode("update", JourneyNodeKinds.UpdateProfile, Next: "done",
                Traits: new JsonObject { ["tier"] = "{{ data.webhook.hook.tier }}", ["points"] = 10, ["old"] = null },
                Subscriptions: [new SubscriptionChange("unsubscribed", Channel: "sms"), new SubscriptionChange("opted_in", Group: "newsletter")]),
            new JourneyNode("done", JourneyNodeKinds.Exit));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_BadWebhook_NamesTheNodeAndEachField()
    {
        var errors = Validate(
            new JourneyNode("a", JourneyNodeKinds.Webhook, Next: "b", Webhook: new WebhookCall("FETCH", "ftp://files.example.com", new Dictionary<string, string> { ["webhook-signature"] = "x" }, "{{ oops", 60, 9)),
            new JourneyNode("b", JourneyNodeKinds.Webhook, Next: "c", Webhook: new WebhookCall("GET", " ", Body: "{}")),
            new JourneyNode("c", JourneyNodeKinds.Webhook));

        Assert.Equal(
            [
                ("nodes[0].webhook.method", "a"), ("nodes[0].webhook.url", "a"), ("nodes[0].webhook.headers.webhook-signature", "a"), ("nodes[0].webhook.body", "a"),
                ("nodes[0].webhook.timeoutSeconds", "a"), ("nodes[0].webhook.retries", "a"), ("nodes[1].webhook.url", "b"), ("nodes[1].webhook.body", "b"), ("nodes[2].webhook", "c"),
            ],
            errors.Select(e => (e.Field, e.Node)));
        Assert.Contains("does not compile", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadUpdate_NamesTraitsAndSubscriptions()
    {
        var errors = Validate(
            new JourneyNode("empty", JourneyNodeKinds.UpdateProfile, Next: "bad"),
            new JourneyNode("bad", JourneyNodeKinds.UpdateProfile, Next: "end", OnFailure: "end",
                Traits: new JsonObject { ["a.b"] = "x", ["email_subscribe"] = "unsubscribed", ["nested"] = new JsonObject(), ["name"] = "{{ oops" },
                Subscriptions: [new SubscriptionChange("pending", Channel: "email"), new SubscriptionChange("subscribed", Channel: "webhook"), new SubscriptionChange("subscribed", Group: "vip"), new SubscriptionChange("subscribed")]),
            new JourneyNode("end", JourneyNodeKinds.Exit));

        Assert.Equal(
            [
                ("nodes[0].traits", "empty"), ("nodes[1].onFailure", "bad"), ("nodes[1].traits", "bad"), ("nodes[1].traits.email_subscribe", "bad"),
                ("nodes[1].traits.nested", "bad"), ("nodes[1].traits.name", "bad"), ("nodes[1].subscriptions[0].state", "bad"),
                ("nodes[1].subscriptions[1].channel", "bad"), ("nodes[1].subscriptions[2].group", "bad"), ("nodes[1].subscriptions[3]", "bad"),
            ],
            errors.Select(e => (e.Field, e.Node)));
        Assert.Equal("This workspace has no subscription group 'vip'.", errors[8].Message);
    }

    [Fact]
    public void Validate_CycleThroughAWebhookWithoutADelay_IsRefused()
    {
        var errors = Validate(
            new JourneyNode("hook", JourneyNodeKinds.Webhook, Next: "hook2", OnFailure: "hook2", Webhook: new WebhookCall("POST", "https://example.com")),
            new JourneyNode("hook2", JourneyNodeKinds.Webhook, Next: "hook", Webhook: new WebhookCall("POST", "https://example.com")));

        Assert.Contains(errors, e => e.Field == "nodes" && e.Message.Contains("has no delay or wait", StringComparison.Ordinal));
    }
}
