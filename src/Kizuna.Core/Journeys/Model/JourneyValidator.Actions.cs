using System.Text.Json.Nodes;
using Kizuna.Messaging;
using Kizuna.Messaging.Consent;
using Kizuna.Profiles;

namespace Kizuna.Journeys.Model;

public static partial class JourneyValidator
{
    /// <summary>Traits written through subscriptions instead, so consent has one way in (and its events).</summary>
    private static readonly HashSet<string> ConsentTraitNames = new(StringComparer.Ordinal)
    {
        "email_subscribe", "sms_subscribe", "push_subscribe", "unsubscribed", "subscription_groups", "cio_subscription_preferences",
    };

    private static void ValidateUpdateProfile(JourneyNode node, string field, JourneyReferences references, List<JourneyError> errors)
    {
        void Add(string f, string message) => errors.Add(new($"{field}.{f}", node.Id, message));

        if ((node.Traits?.Count ?? 0) == 0 && (node.Subscriptions?.Count ?? 0) == 0)
        {
            Add("traits", "An update names traits to set, subscriptions to change, or both.");
        }

        foreach (var (name, value) in node.Traits ?? [])
        {
            if (name.Length is 0 or > 128 || name.Contains('.', StringComparison.Ordinal) || name.StartsWith('$') || !TraitNames.CanQuote(name))
            {
                Add("traits", $"'{name}' is not a trait name: 1 to 128 characters, no '.', '\"' or control characters, not starting with '$'.");
            }
            else if (ConsentTraitNames.Contains(name))
            {
                Add($"traits.{name}", "Consent is changed under subscriptions, not as a trait.");
            }
            else if (value is JsonValue text && text.TryGetValue<string>(out var liquid))
            {
                Liquid(liquid, $"{field}.traits.{name}", node.Id, references, errors);
            }
            else if (value is JsonObject or JsonArray)
            {
                Add($"traits.{name}", "A trait's value is a text (Liquid), a number, true, false or null.");
            }
        }

        var subscriptions = node.Subscriptions ?? [];
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var s = subscriptions[i];
            var at = $"subscriptions[{i}]";
            if (s is null || (s.Channel is null) == (s.Group is null))
            {
                Add(at, "A subscription change names a channel or a subscription group, not both.");
                continue;
            }

            if (!SubscriptionStates.TryParse(s.State, out var state) || state == SubscriptionState.Pending)
            {
                Add($"{at}.state", $"'{s.State}' is not a state to set; use subscribed, opted_in or unsubscribed.");
            }

            if (s.Channel is { } channel && (!MessageChannels.TryParse(channel, out var parsed) || parsed is not (MessageChannel.Email or MessageChannel.Sms or MessageChannel.Push)))
            {
                Add($"{at}.channel", $"'{channel}' is not a channel a customer subscribes to; use email, sms or push.");
            }

            if (s.Group is { } group && references.SubscriptionGroups is { } groups && !groups.Contains(group))
            {
                Add($"{at}.group", $"This workspace has no subscription group '{group}'.");
            }
        }
    }

    private static void ValidateWebhook(JourneyNode node, string field, JourneyReferences references, List<JourneyError> errors)
    {
        void Add(string f, string message) => errors.Add(new($"{field}.{f}", node.Id, message));

        if (node.Webhook is not { } call)
        {
            Add("webhook", "A webhook node needs its call (method and URL).");
            return;
        }

        if (call.Method is null || !WebhookCall.Methods.Contains(call.Method))
        {
            Add("webhook.method", $"'{call.Method}' is not a method; use {string.Join(", ", WebhookCall.Methods)}.");
        }

        if (string.IsNullOrWhiteSpace(call.Url))
        {
            Add("webhook.url", "A webhook needs the URL to call.");
        }
        else if (!call.Url.Contains("{{", StringComparison.Ordinal) && !call.Url.Contains("{%", StringComparison.Ordinal)
                 && (!Uri.TryCreate(call.Url.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            Add("webhook.url", $"'{call.Url}' is not an absolute http(s) URL.");
        }
        else
        {
            Liquid(call.Url, $"{field}.webhook.url", node.Id, references, errors);
        }

        foreach (var (name, value) in call.Headers ?? new Dictionary<string, string>())
        {
            if (Kizuna.Messaging.Channels.Webhook.WebhookComposer.IsReserved(name))
            {
                Add($"webhook.headers.{name}", "This header is set by the webhook itself.");
            }
            else
            {
                Liquid(value ?? "", $"{field}.webhook.headers.{name}", node.Id, references, errors);
            }
        }

        if (call.Body is { } body)
        {
            if (call.Method is "GET" or "DELETE")
            {
                Add("webhook.body", $"A {call.Method} call sends no body.");
            }

            Liquid(body, $"{field}.webhook.body", node.Id, references, errors);
        }

        if (call.TimeoutSeconds is < 1 or > WebhookCall.MaxTimeoutSeconds)
        {
            Add("webhook.timeoutSeconds", $"The timeout is 1 to {WebhookCall.MaxTimeoutSeconds} seconds.");
        }

        if (call.Retries is < 0 or > WebhookCall.MaxRetries)
        {
            Add("webhook.retries", $"A webhook is tried again 0 to {WebhookCall.MaxRetries} times.");
        }
    }

    private static void Liquid(string text, string field, string node, JourneyReferences references, List<JourneyError> errors)
    {
        if (references.Liquid?.Invoke(text) is { } problem)
        {
            errors.Add(new(field, node, $"The Liquid does not compile: {problem}"));
        }
    }
}
