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
    /// <summary>A display name from the traits: name, else first and last name, else email, else the user id.</summary>
    public string DisplayName => ProfileNames.Display(Traits, Email, UserId, Id);
}
