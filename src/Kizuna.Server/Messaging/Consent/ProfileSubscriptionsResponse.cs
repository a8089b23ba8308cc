using Kizuna.Messaging.Consent;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>A customer's answers: per channel (email, sms, push) and per subscription group.</summary>
public sealed record ProfileSubscriptionsResponse(long ProfileId, IReadOnlyList<SubscriptionResponse> Channels, IReadOnlyList<SubscriptionResponse> Groups)
{
    public static ProfileSubscriptionsResponse From(long profileId, ConsentView view) =>
        new(profileId, [.. view.Channels.Select(SubscriptionResponse.From)], [.. view.Groups.Select(SubscriptionResponse.From)]);
}
