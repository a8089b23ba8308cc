using Kizuna.Storage;

namespace Kizuna.Campaigns.Storage;

/// <summary>A <c>campaigns</c> row as Dapper reads it.</summary>
internal sealed class CampaignRow
{
    public const string Columns =
        """
        id, workspace_id AS workspaceId, name, state, definition, winner, next_run_at AS nextRunAt, runs,
        created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt, started_at AS startedAt, finished_at AS finishedAt
        """;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public string Name { get; set; } = "";

    public string State { get; set; } = "";

    public string Definition { get; set; } = "";

    public long? Winner { get; set; }

    public long? NextRunAt { get; set; }

    public long Runs { get; set; }

    public string CreatedBy { get; set; } = "";

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? StartedAt { get; set; }

    public long? FinishedAt { get; set; }

    public Campaign ToCampaign() => new(
        Id, WorkspaceId, Name, CampaignStates.Parse(State), CampaignJson.Read(Definition), Winner is { } w ? (int)w : null,
        Epoch.FromMs(NextRunAt), (int)Runs, CreatedBy, Epoch.FromMs(CreatedAt), Epoch.FromMs(UpdatedAt), Epoch.FromMs(StartedAt), Epoch.FromMs(FinishedAt));
}
