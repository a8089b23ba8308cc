using System.Text.Json;

namespace Kizuna.Messaging.Content;

/// <summary>
/// A channel template's fields beyond its subject line and body, stored as JSON beside the version: a push's image,
/// deep link and data; a webhook's method, URL and headers; an email's preheader and its own text part (derived from
/// the HTML when absent); an in-app message's layout and buttons; a content card's link, expiry and pin. Every string
/// but the layout and the expiry is Liquid.
/// </summary>
public sealed record ChannelFields(
    string? ImageUrl = null,
    string? DeepLink = null,
    IReadOnlyDictionary<string, string>? Data = null,
    string? Method = null,
    string? Url = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? Preheader = null,
    string? Text = null,
    string? Layout = null,
    IReadOnlyList<InAppButton>? Buttons = null,
    string? Link = null,
    string? ExpiresAfter = null,
    bool? Pinned = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored fields; empty when none were stored.</summary>
    public static ChannelFields Parse(string? json) => json is null ? new ChannelFields() : JsonSerializer.Deserialize<ChannelFields>(json, Json) ?? new ChannelFields();

    /// <summary>The fields of a request, or the reason they cannot be read (a field of the wrong type).</summary>
    public static ChannelFields? TryRead(JsonElement element, out string? problem)
    {
        problem = null;
        try
        {
            return element.Deserialize<ChannelFields>(Json);
        }
        catch (JsonException e)
        {
            problem = $"fields: {e.Message}";
            return null;
        }
    }

    /// <summary>The fields that are not Liquid and do not read as their kind: an unknown layout, an expiry that is no ISO 8601 duration.</summary>
    public IEnumerable<ContentProblem> FormatProblems(MessageChannel channel)
    {
        if (channel == MessageChannel.InApp && Layout is not null && InAppLayouts.Parse(Layout) is null)
        {
            yield return new ContentProblem("layout", $"The layout is one of {string.Join(", ", InAppLayouts.Names)}.");
        }

        if (channel == MessageChannel.ContentCard && ExpiresAfter is not null && Guardrails.Durations.Parse(ExpiresAfter) is null)
        {
            yield return new ContentProblem("expiresAfter", "expiresAfter is a positive ISO 8601 duration (P7D, PT12H).");
        }
    }

    /// <summary>The content of a template of <paramref name="channel"/> made of its subject, body and these fields; null for channels stored otherwise.</summary>
    public MessageContent? ContentFor(MessageChannel channel, string? subject, string body) => channel switch
    {
        MessageChannel.Email => new EmailContent(subject ?? string.Empty, body, Blank(Preheader), Blank(Text)),
        MessageChannel.Sms => new SmsContent(body),
        MessageChannel.Push => new PushContent(subject ?? string.Empty, body, ImageUrl, DeepLink, Data),
        MessageChannel.Webhook => new WebhookContent(Method ?? "POST", Url ?? string.Empty, string.IsNullOrWhiteSpace(body) ? null : body, Headers),
        MessageChannel.InApp => new InAppContent(InAppLayouts.Parse(Layout) ?? InAppLayout.Modal, body, string.IsNullOrEmpty(subject) ? null : subject, ImageUrl, Buttons),
        MessageChannel.ContentCard => new ContentCardContent(subject ?? string.Empty, body, ImageUrl, Link, Guardrails.Durations.Parse(ExpiresAfter), Pinned ?? false),
        _ => null,
    };

    /// <summary>Whether any field is set: an email without a preheader or text part stores none.</summary>
    public bool IsEmpty => this == new ChannelFields();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
