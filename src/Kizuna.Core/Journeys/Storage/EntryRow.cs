using Kizuna.Storage;

namespace Kizuna.Journeys.Storage;

/// <summary>A <c>journey_entries</c> row as Dapper reads it.</summary>
internal sealed class EntryRow
{
    public const string Columns =
        """
        id, workspace_id AS workspaceId, profile_id AS profileId, journey_id AS journeyId, version, entry_key AS entryKey,
        state, node, seq, wait_until AS waitUntil, entry_event AS entryEvent, entry_data AS entryData, vars,
        entered_at AS enteredAt, updated_at AS updatedAt, finished_at AS finishedAt, exit_reason AS exitReason, converted_at AS convertedAt
        """;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long ProfileId { get; set; }

    public long JourneyId { get; set; }

    public long Version { get; set; }

    public string EntryKey { get; set; } = "";

    public string State { get; set; } = "";

    public string Node { get; set; } = "";

    public long Seq { get; set; }

    public long? WaitUntil { get; set; }

    public string? EntryEvent { get; set; }

    public string? EntryData { get; set; }

    public string? Vars { get; set; }

    public long EnteredAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? FinishedAt { get; set; }

    public string? ExitReason { get; set; }

    public long? ConvertedAt { get; set; }

    public JourneyEntry ToEntry() => new(
        Id, WorkspaceId, ProfileId, JourneyId, (int)Version, EntryKey, State, Node, (int)Seq, Epoch.FromMs(WaitUntil), EntryEvent, EntryData, Vars,
        Epoch.FromMs(EnteredAt), Epoch.FromMs(UpdatedAt), Epoch.FromMs(FinishedAt), ExitReason, Epoch.FromMs(ConvertedAt));
}
