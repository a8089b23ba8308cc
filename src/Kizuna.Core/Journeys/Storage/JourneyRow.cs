using Kizuna.Storage;

namespace Kizuna.Journeys.Storage;

/// <summary>A <c>journeys</c> row as Dapper reads it.</summary>
internal sealed class JourneyRow
{
    public const string Columns =
        """
        id, workspace_id AS workspaceId, name, state, version, live_version AS liveVersion, resumes,
        created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt
        """;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public string Name { get; set; } = "";

    public string State { get; set; } = "";

    public long Version { get; set; }

    public long? LiveVersion { get; set; }

    public long Resumes { get; set; }

    public string CreatedBy { get; set; } = "";

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public Journey ToJourney() => new(
        Id, WorkspaceId, Name, State, (int)Version, LiveVersion is { } v ? (int)v : null, (int)Resumes, CreatedBy, Epoch.FromMs(CreatedAt), Epoch.FromMs(UpdatedAt));
}
