namespace Kizuna.Campaigns;

/// <summary>
/// A campaign as stored. <paramref name="Winner"/> is the index of the winning variant once picked;
/// <paramref name="NextRunAt"/> when the next run starts; <paramref name="Runs"/> how many runs have started.
/// </summary>
public sealed record Campaign(
    long Id,
    long WorkspaceId,
    string Name,
    CampaignState State,
    CampaignDefinition Definition,
    int? Winner,
    DateTimeOffset? NextRunAt,
    int Runs,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
