using Kizuna.Messaging;
using Kizuna.Messaging.Consent;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>A subscription group.</summary>
public sealed record SubscriptionGroupResponse(
    long Id, string Key, string Channel, string Name, string? Description, string? NameJa, string? DescriptionJa, bool OptIn, bool Archived,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SubscriptionGroupResponse From(SubscriptionGroup g) => new(
        g.Id, g.Key, MessageChannels.Name(g.Channel), g.Name, g.Description, g.NameJa, g.DescriptionJa, g.OptIn, g.Archived, g.CreatedAt, g.UpdatedAt);
}
