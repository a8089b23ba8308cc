namespace Kizuna.Journeys;

/// <summary>
/// One customer's pass through one version of a journey (<c>journey_entries</c>): the node it is at, the steps taken
/// (<see cref="Seq"/>), until when it waits, the entry event's properties or the API call's data
/// (<see cref="EntryData"/>, JSON) and what steps recorded (<see cref="Vars"/>, JSON: the split path taken).
/// </summary>
public sealed record JourneyEntry(
    long Id,
    long WorkspaceId,
    long ProfileId,
    long JourneyId,
    int Version,
    string EntryKey,
    string State,
    string Node,
    int Seq,
    DateTimeOffset? WaitUntil,
    string? EntryEvent,
    string? EntryData,
    string? Vars,
    DateTimeOffset EnteredAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    string? ExitReason,
    DateTimeOffset? ConvertedAt)
{
    public const string Active = "active";
    public const string Waiting = "waiting";
    public const string Completed = "completed";
    public const string Exited = "exited";

    public bool IsOpen => State is Active or Waiting;
}
