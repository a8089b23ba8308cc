using System.Text.Json.Nodes;
using Kizuna.Journeys.Model;
using Kizuna.Server.Dashboard.Journeys;

namespace Kizuna.Server.Dashboard;

public sealed class JourneyNodeDraftTests
{
    [Fact]
    public void ToNode_ActionNodesTypedInTheEditor_RoundTrip()
    {
        var update = new JourneyNodeDraft
        {
            Id = "upd",
            Kind = JourneyNodeKinds.UpdateProfile,
            Next = "hook",
            Traits = "tier = {{ data.plan }}\npoints = 10\nvip = true\nold = null",
            Subscriptions = "sms = unsubscribed, newsletter = opted_in",
        };
        var hook = new JourneyNodeDraft
        {
            Id = "hook",
            Kind = JourneyNodeKinds.Webhook,
            Next = "done",
            OnFailure = "sorry",
            WebhookMethod = "PUT",
            WebhookUrl = " https://crm.example.com/x ",
            WebhookHeaders = "X-Source: kizuna\nX-Plan: {{ data.plan }}",
            WebhookBody = "{\"a\": 1}",
            WebhookTimeoutSeconds = 5,
            WebhookRetries = 1,
        };

        var node = update.ToNode();
        Assert.Equal("""{"tier":"{{ data.plan }}","points":10,"vip":true,"old":null}""", node.Traits!.ToJsonString());
        Assert.Equal([new SubscriptionChange("unsubscribed", Channel: "sms"), new SubscriptionChange("opted_in", Group: "newsletter")], node.Subscriptions);
        var call = hook.ToNode();
        Assert.Equal(("PUT", "https://crm.example.com/x", "{{ data.plan }}", 5, 1, "sorry"),
            (call.Webhook!.Method, call.Webhook.Url, call.Webhook.Headers!["X-Plan"], call.Webhook.TimeoutSeconds, call.Webhook.Retries, call.OnFailure));
        Assert.Equal(["next", "onFailure"], hook.EdgeNames());

        var back = JourneyNodeDraft.From(node);
        Assert.Equal((update.Traits, update.Subscriptions), (back.Traits, back.Subscriptions));
        Assert.Equal(hook.WebhookHeaders, JourneyNodeDraft.From(call).WebhookHeaders);
        Assert.Equal(JsonNode.Parse(node.Traits.ToJsonString())!.ToJsonString(), back.ToNode().Traits!.ToJsonString());
    }
}
