using Kizuna.Work.Changes;

namespace Kizuna.Messaging.Consent;

/// <summary>
/// Reads consent from identify traits (<see cref="ConsentTraits"/>) as they are committed, and records it on the
/// profile with the identify's own time, so a late-arriving older call never undoes a newer answer. Groups the
/// workspace does not have are ignored here (an integration may send keys not yet set up). Replayed changes are
/// harmless: an answer already stored changes nothing.
/// </summary>
public sealed class ConsentFromTraits(ConsentService consent) : IChangeConsumer
{
    public string Name => "messaging-consent";

    public int BatchSize => 64;

    public async Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        foreach (var change in changes)
        {
            foreach (var identify in change.Events.Where(e => e.Type == "identify" && e.ProfileId > 0 && ConsentTraits.MayCarryConsent(e.PropertiesJson)))
            {
                var answers = ConsentTraits.Parse(identify.PropertiesJson, identify.Timestamp);
                if (answers.Count > 0)
                {
                    await consent.ApplyAsync(identify.WorkspaceId, identify.ProfileId, answers, skipUnknownGroups: true, ct);
                }
            }
        }
    }
}
