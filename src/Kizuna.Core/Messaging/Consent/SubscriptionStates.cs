namespace Kizuna.Messaging.Consent;

/// <summary>The stored and wire names of <see cref="SubscriptionState"/>: <c>subscribed</c>, <c>opted_in</c>, <c>unsubscribed</c>, <c>pending</c>.</summary>
public static class SubscriptionStates
{
    public static IReadOnlyList<string> Names { get; } = ["subscribed", "opted_in", "unsubscribed", "pending"];

    public static string Name(SubscriptionState state) => state switch
    {
        SubscriptionState.Subscribed => "subscribed",
        SubscriptionState.OptedIn => "opted_in",
        SubscriptionState.Unsubscribed => "unsubscribed",
        _ => "pending",
    };

    public static bool TryParse(string? name, out SubscriptionState state)
    {
        (var known, state) = name?.Trim().ToLowerInvariant() switch
        {
            "subscribed" => (true, SubscriptionState.Subscribed),
            "opted_in" or "opted-in" or "optedin" => (true, SubscriptionState.OptedIn),
            "unsubscribed" => (true, SubscriptionState.Unsubscribed),
            "pending" => (true, SubscriptionState.Pending),
            _ => (false, SubscriptionState.Subscribed),
        };
        return known;
    }

    public static SubscriptionState Parse(string stored) =>
        TryParse(stored, out var state) ? state : throw new InvalidDataException($"'{stored}' is not a subscription state.");

    /// <summary>Whether marketing may go under this answer; <paramref name="optInOnly"/> when the channel or group asks for an explicit yes.</summary>
    public static bool AllowsMarketing(SubscriptionState state, bool optInOnly) =>
        state == SubscriptionState.OptedIn || (state == SubscriptionState.Subscribed && !optInOnly);
}
