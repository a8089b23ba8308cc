using System.Text.Json.Nodes;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// An entry as a pass changes it in memory: where it is now, the steps and messages it took, the timer it sets.
/// <see cref="LoadedSeq"/> is the seq read from the store (null for a new entry); the write is compare-and-set on it,
/// so of two passes that moved the same entry (a timer and an event on two nodes) only the first writes anything.
/// </summary>
public sealed class EntryRun(CompiledJourney journey, JourneyEntry entry, int? loadedSeq)
{
    public CompiledJourney Journey { get; } = journey;

    public JourneyEntry Entry { get; set; } = entry;

    public int? LoadedSeq { get; } = loadedSeq;

    public bool IsNew => LoadedSeq is null;

    public JsonObject? Data { get; } = Parse(entry.EntryData);

    public JsonObject Vars { get; } = Parse(entry.Vars) ?? [];

    public List<PlannedStep> Steps { get; } = [];

    /// <summary>The state moved (a step, an exit); a conversion alone is written without the seq guard.</summary>
    public bool Moved { get; set; }

    public bool Converted { get; set; }

    public DateTimeOffset? TimerAt { get; set; }

    public void Step(string node, string outcome, DateTimeOffset at, NewMessage? message = null)
    {
        Entry = Entry with { Seq = Entry.Seq + 1 };
        Steps.Add(new PlannedStep(Entry.Seq, node, at, outcome, message));
        Moved = true;
    }

    private static JsonObject? Parse(string? json) => json is null ? null : JsonNode.Parse(json) as JsonObject;
}
