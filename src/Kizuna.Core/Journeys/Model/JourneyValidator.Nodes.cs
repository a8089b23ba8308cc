using System.Globalization;
using Kizuna.Messaging;

namespace Kizuna.Journeys.Model;

public static partial class JourneyValidator
{
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private static void ValidateNode(JourneyNode node, string field, JourneyReferences references, List<JourneyError> errors)
    {
        void Add(string f, string message) => errors.Add(new($"{field}.{f}", node.Id, message));

        if (node.OnFailure is not null && node.Kind != JourneyNodeKinds.Webhook)
        {
            Add("onFailure", "Only a webhook has a failure edge.");
        }

        if (node.Position is { } at && !(Math.Abs(at.X) <= NodePosition.Limit && Math.Abs(at.Y) <= NodePosition.Limit))
        {
            Add("position", $"A node's position on the map is at most {NodePosition.Limit.ToString("N0", CultureInfo.InvariantCulture)} pixels from its origin either way.");
        }

        switch (node.Kind)
        {
            case JourneyNodeKinds.Message:
                if (!IsChannel(node.Channel))
                {
                    Add("channel", $"'{node.Channel}' is not a channel; use {string.Join(", ", MessageChannels.Names)}.");
                }
                else if (node.TemplateId is not { } templateId || !references.Templates.TryGetValue(templateId, out var template))
                {
                    Add("templateId", $"Template {node.TemplateId?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} does not exist in this workspace.");
                }
                else if ((template.Channel ?? "email") != node.Channel)
                {
                    Add("templateId", $"Template {templateId} is a {template.Channel ?? "email"} template, not {node.Channel}.");
                }
                else if (node.TemplateVersion is { } v && (v < 1 || v > template.Version))
                {
                    Add("templateVersion", $"Template {templateId} has no version {v}.");
                }

                break;
            case JourneyNodeKinds.Delay:
                var ways = (node.Duration is null ? 0 : 1) + (node.Until is null ? 0 : 1) + (node.UntilTrait is null ? 0 : 1);
                if (ways != 1)
                {
                    Add("duration", "A delay names exactly one of duration, until (a time of day) or untilTrait (a date trait).");
                }
                else if (node.Duration is not null)
                {
                    Duration(node.Duration, $"{field}.duration", node.Id, errors, optional: false);
                }
                else if (node.Until is { } until)
                {
                    if (!TimeOnly.TryParseExact(until.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    {
                        Add("until.time", $"'{until.Time}' is not a time of day (HH:mm).");
                    }

                    if (until.Weekdays?.FirstOrDefault(w => !Days.Contains(w)) is { } day)
                    {
                        Add("until.weekdays", $"'{day}' is not a weekday; use mon, tue, wed, thu, fri, sat, sun.");
                    }

                    if (until.TimeZone is { } zone && Kizuna.Workspaces.UserTimeZones.Find(zone) is null)
                    {
                        Add("until.timeZone", $"'{zone}' is not a time zone.");
                    }
                }
                else if (node.UntilTrait is { } trait)
                {
                    if (string.IsNullOrWhiteSpace(trait.Trait))
                    {
                        Add("untilTrait.trait", "A date delay names the trait holding the date.");
                    }

                    if (trait.Time is { } t && !TimeOnly.TryParseExact(t, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    {
                        Add("untilTrait.time", $"'{t}' is not a time of day (HH:mm).");
                    }

                    if (Math.Abs(trait.OffsetDays) > 366)
                    {
                        Add("untilTrait.offsetDays", "The offset is at most 366 days either way.");
                    }
                }

                break;
            case JourneyNodeKinds.WaitEvent or JourneyNodeKinds.WaitSegment:
                if (node.Kind == JourneyNodeKinds.WaitEvent && string.IsNullOrWhiteSpace(node.Event))
                {
                    Add("event", "A wait for an event needs the event's name.");
                }

                if (node.Kind == JourneyNodeKinds.WaitSegment && (node.SegmentId is not { } segment || references.Segments(segment) is null))
                {
                    Add("segmentId", $"Segment {node.SegmentId?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} is not an active segment of this workspace.");
                }

                if (node.Timeout is null)
                {
                    Add("timeout", "A wait needs a timeout, or entries could wait for ever.");
                }
                else
                {
                    Duration(node.Timeout, $"{field}.timeout", node.Id, errors, optional: false);
                }

                Filter(node.Where, $"{field}.where", node.Id, errors);
                Keys(node.Match, $"{field}.match", node.Id, errors);
                break;
            case JourneyNodeKinds.Branch:
                if (string.IsNullOrWhiteSpace(node.Condition) && string.IsNullOrWhiteSpace(node.EntryWhere))
                {
                    Add("condition", "A branch needs a condition over the profile, a filter over the entry event (entryWhere), or both.");
                }

                Condition(node.Condition, $"{field}.condition", node.Id, references, errors);
                Filter(node.EntryWhere, $"{field}.entryWhere", node.Id, errors);
                break;
            case JourneyNodeKinds.Split:
                ValidateSplit(node, field, errors);
                break;
            case JourneyNodeKinds.UpdateProfile:
                ValidateUpdateProfile(node, field, references, errors);
                break;
            case JourneyNodeKinds.Webhook:
                ValidateWebhook(node, field, references, errors);
                break;
            case JourneyNodeKinds.Exit:
                if (node.Next is not null)
                {
                    Add("next", "An exit ends the entry; it leads nowhere.");
                }

                break;
            default:
                Add("kind", $"'{node.Kind}' is not a node kind; use {string.Join(", ", JourneyNodeKinds.All)}.");
                break;
        }
    }

    private static void ValidateSplit(JourneyNode node, string field, List<JourneyError> errors)
    {
        var paths = node.Paths ?? [];
        if (paths.Count < 2)
        {
            errors.Add(new($"{field}.paths", node.Id, "A split needs at least two paths."));
            return;
        }

        if (paths.Any(p => p is null || p.Weight is < 1 or > 100 || string.IsNullOrWhiteSpace(p.Name)))
        {
            errors.Add(new($"{field}.paths", node.Id, "Each path needs a name and a weight from 1 to 100."));
        }
        else if (paths.Sum(p => p.Weight) != 100)
        {
            errors.Add(new($"{field}.paths", node.Id, $"The paths' weights add up to {paths.Sum(p => p.Weight)}, not 100."));
        }

        if (paths.Where(p => p is not null).GroupBy(p => p.Name, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add(new($"{field}.paths", node.Id, "Two paths have the same name."));
        }

        if (paths.Count(p => p is { Control: true }) > 1)
        {
            errors.Add(new($"{field}.paths", node.Id, "A split has at most one control path."));
        }

        if (node.Next is not null)
        {
            errors.Add(new($"{field}.next", node.Id, "A split leads on by its paths, not by next."));
        }
    }
}
