using Kizuna.Work.Changes;

namespace Kizuna.Messaging.Consent;

/// <summary>
/// Reads consent from identify traits (<see cref="ConsentTraits"/>; customers imports arrive as identify calls too,
/// recorded with the source <c>import</c>) and from consent track events (<see cref="ConsentTrackEvents"/>) as they
/// are committed, and records it on the profile with the call's own time, so a late-arriving older call never undoes
/// a newer answer. Groups the workspace does not have are ignored here (an integration may send keys not yet set up).
/// Replayed changes are harmless: an answer already stored changes nothing.
/// </summary>
public sealed class ConsentFromTraits(ConsentService consent) : IChangeConsumer
{
    public const string ImportSource = "import";

    /// <summary>The source of answers a journey's update-profile node wrote (its identify calls' messageIds start <c>journey:</c>).</summary>
    public const string JourneySource = "journey";

    public string Name => "messaging-consent";

    public int BatchSize => 64;

    public async Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        foreach (var change in changes)
        {
            foreach (var e in change.Events)
            {
                var tracked = ConsentTrackEvents.IsConsent(e);
                var answers = e.Type == "identify" && e.ProfileId > 0 && ConsentTraits.MayCarryConsent(e.PropertiesJson)
                    ? ConsentTraits.Parse(e.PropertiesJson, e.Timestamp, SourceOf(e.MessageId))
                    : tracked ? ConsentTrackEvents.Parse(e) : [];
                if (answers.Count > 0)
                {
                    // A tracked Unsubscribed already is the answer's event on the profile: not a second one of the same name.
                    await consent.ApplyAsync(e.WorkspaceId, e.ProfileId, answers, skipUnknownGroups: true, recordedAs: tracked ? e.Name : null, ct);
                }
            }
        }
    }

    private static string SourceOf(string messageId) =>
        messageId.StartsWith("import:", StringComparison.Ordinal) ? ImportSource
        : messageId.StartsWith("journey:", StringComparison.Ordinal) ? JourneySource
        : ConsentTraits.Source;
}
