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
    /// <summary>The entry's <c>vars</c> member holding the webhook nodes' answers by node id.</summary>
    public const string WebhookAnswers = "webhook";

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

    /// <summary>
    /// What templates read as <c>data</c>: the entry data, <c>journey_id</c>, <c>entry_event</c>, and under
    /// <c>webhook.&lt;node&gt;</c> the JSON answers of the webhook nodes passed so far.
    /// </summary>
    public JsonObject TemplateData()
    {
        var data = Data?.DeepClone().AsObject() ?? [];
        data["journey_id"] = Journey.JourneyId;
        data["entry_event"] = Entry.EntryEvent;
        if (Vars[WebhookAnswers] is JsonObject answers)
        {
            data["webhook"] = answers.DeepClone();
        }

        return data;
    }

    /// <summary>Keeps a webhook node's answer (null: none) for the nodes after it.</summary>
    public void Answer(string node, JsonNode? answer)
    {
        if (Vars[WebhookAnswers] is not JsonObject answers)
        {
            Vars[WebhookAnswers] = answers = [];
        }

        answers[node] = answer?.DeepClone();
    }

    public void Step(string node, string outcome, DateTimeOffset at, NewMessage? message = null)
    {
        Entry = Entry with { Seq = Entry.Seq + 1 };
        Steps.Add(new PlannedStep(Entry.Seq, node, at, outcome, message));
        Moved = true;
    }

    private static JsonObject? Parse(string? json) => json is null ? null : JsonNode.Parse(json) as JsonObject;
}
