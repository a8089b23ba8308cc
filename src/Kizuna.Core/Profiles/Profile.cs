using System.Text.Json.Nodes;

namespace Kizuna.Profiles;

/// <summary>A customer: who they are (traits, context) and what they did (aggregates kept at ingest).</summary>
public sealed record Profile(
    long Id,
    long WorkspaceId,
    string? UserId,
    string? Email,
    JsonObject Traits,
    JsonObject Context,
    ProfileAggregates Aggregates)
{
    /// <summary>The customer's name by the rule templates use too (<see cref="ProfileNames"/>).</summary>
    public string DisplayName => ProfileNames.Display(Traits, Context, Email, UserId, Id);
}
