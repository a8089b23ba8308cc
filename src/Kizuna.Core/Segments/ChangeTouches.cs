using System.Globalization;
using Kizuna.Work.Changes;

namespace Kizuna.Segments;

/// <summary>Reads a batch of changes as the profiles they touched and how (see <see cref="ProfileTouch"/>).</summary>
public static class ChangeTouches
{
    public static Dictionary<(long WorkspaceId, long ProfileId), ProfileTouch> Of(IReadOnlyList<Change> changes)
    {
        var touches = new Dictionary<(long, long), ProfileTouch>();
        foreach (var change in changes)
        {
            var cause = string.Create(CultureInfo.InvariantCulture, $"c{change.Position.Tx}.{change.Position.Id}");
            ProfileTouch Touch((long, long) key) =>
                touches.TryGetValue(key, out var touch) ? touch : touches[key] = new ProfileTouch(cause, change.CommittedAt);

            var withEvents = new HashSet<(long, long)>();
            foreach (var e in change.Events)
            {
                var key = (e.WorkspaceId, e.ProfileId);
                withEvents.Add(key);
                if (SegmentEvents.IsOwn(e.Name, e.MessageId))
                {
                    continue;   // its own entries and exits must not wake the evaluator again (a feedback loop)
                }

                var touch = Touch(key);
                touch.Events.Add(CountName(e));
                touch.Traits |= e.Type == "identify";
            }

            foreach (var merge in change.Merges)
            {
                Touch((merge.WorkspaceId, merge.Into)).Everything = true;
            }

            // A changed profile with no event in the change was changed by something the events do not tell.
            foreach (var key in change.ChangedProfiles.Where(k => !withEvents.Contains(k)))
            {
                Touch(key).Everything = true;
            }
        }

        return touches;
    }

    private static string CountName(ChangeEvent e) => e.Type switch
    {
        "track" => e.Name ?? "",
        "page" => "$page",
        "screen" => "$screen",
        "identify" => "$identify",
        "group" => "$group",
        _ => "$alias",
    };
}
