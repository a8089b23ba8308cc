namespace Kizuna.Messaging.Export;

/// <summary>
/// The events an endpoint that names none receives: what messaging records on profiles. A name family per channel
/// (<c>Email …</c>, <c>SMS …</c>, <c>Push …</c>, <c>Webhook …</c>, <c>In-App Message …</c>, <c>Content Card …</c>)
/// rather than a fixed list, so an event a channel adds later is exported without a change here; and the consent
/// events.
/// </summary>
public static class EngagementEventNames
{
    /// <summary>The families and names, as the API and the documentation list them.</summary>
    public static readonly IReadOnlyList<string> Families =
        ["Email ", "SMS ", "Push ", "Webhook ", "In-App Message ", "Content Card "];

    public static readonly IReadOnlyList<string> Consent = ["Subscribed", "Unsubscribed", "Subscription Pending"];

    public static bool IsEngagement(string? name) =>
        name is not null && (Consent.Contains(name, StringComparer.Ordinal) || Families.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
}
