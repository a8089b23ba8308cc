using System.Globalization;
using System.Text.RegularExpressions;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Simulation;
using Kizuna.Workspaces;

namespace Kizuna.Server.Journeys;

/// <summary>Reads a simulation request into its input, or names the first field that does not fit.</summary>
internal static partial class SimulationInputs
{
    public const int MaxEvents = 100;
    public const int MaxJson = 64 * 1024;
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxHorizon = TimeSpan.FromDays(400);

    /// <summary>The input (its customer still unresolved when named by userId), or the field and why.</summary>
    public static (SimulationInput? Input, string? Field, string? Message) Read(long workspaceId, long journeyId, SimulateJourneyRequest r, DateTimeOffset now)
    {
        var named = (r.ProfileId is null ? 0 : 1) + (string.IsNullOrEmpty(r.UserId) ? 0 : 1);
        if (named > 1 || (named == 1 && r.Traits is not null) || (named == 0 && r.Traits is null))
        {
            return Fail("profileId", "Name a stored customer by profileId or userId (one of them), or describe a hypothetical one with traits.");
        }

        if (r.Timezone is not null && (r.Traits is null || UserTimeZones.Find(r.Timezone) is null))
        {
            return Fail("timezone", r.Traits is null ? "The time zone is for a hypothetical customer; a stored one has their own." : $"'{r.Timezone}' is not a known time zone (IANA name).");
        }

        if (r.Properties is not null && r.Data is not null)
        {
            return Fail("data", "Give the entry event's properties or an API entry's data, not both.");
        }

        foreach (var (field, json) in new[] { ("traits", r.Traits), ("properties", r.Properties), ("data", r.Data), ("webhookAnswers", r.WebhookAnswers) })
        {
            if (json?.ToJsonString() is { Length: > MaxJson })
            {
                return Fail(field, "At most 64 KiB of JSON.");
            }
        }

        if (r.Event is { Length: 0 or > 200 })
        {
            return Fail("event", "The event name is 1 to 200 characters.");
        }

        if (r.Version is < 1)
        {
            return Fail("version", "A version is 1 or more.");
        }

        var start = now;
        if (r.Start is not null)
        {
            if (Instant(r.Start) is not { } given)
            {
                return Fail("start", "The start is an ISO 8601 date and time, e.g. 2026-04-07T09:00:00Z.");
            }

            start = given;
        }

        var horizon = DefaultHorizon;
        if (r.Horizon is not null && (!JourneyDurations.TryParse(r.Horizon, out horizon) || horizon <= TimeSpan.Zero || horizon > MaxHorizon))
        {
            return Fail("horizon", "The horizon is a duration (30m, 24h, 30d) up to 400d.");
        }

        var events = new List<SimulatedEvent>();
        foreach (var (e, i) in (r.Events ?? []).Select((e, i) => (e, i)))
        {
            var field = FormattableString.Invariant($"events[{i}]");
            if (i >= MaxEvents)
            {
                return Fail("events", $"At most {MaxEvents} events.");
            }

            if (e?.Name is not { Length: > 0 and <= 200 })
            {
                return Fail($"{field}.name", "Each event has a name of 1 to 200 characters.");
            }

            if ((e.At is null) == (e.After is null))
            {
                return Fail($"{field}.at", "Give each event a time (at) or a duration after the start (after), one of them.");
            }

            DateTimeOffset at;
            if (e.After is not null)
            {
                if (!JourneyDurations.TryParse(e.After, out var after) || after < TimeSpan.Zero)
                {
                    return Fail($"{field}.after", "After is a duration such as 30m, 2h or 3d.");
                }

                at = start + after;
            }
            else if (Instant(e.At!) is not { } when || when < start)
            {
                return Fail($"{field}.at", "At is an ISO 8601 date and time no earlier than the start.");
            }
            else
            {
                at = when;
            }

            if (e.Properties?.ToJsonString() is { Length: > MaxJson })
            {
                return Fail($"{field}.properties", "At most 64 KiB of JSON.");
            }

            events.Add(new SimulatedEvent(e.Name, e.Properties, at));
        }

        var answers = r.WebhookAnswers?.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
        return (new SimulationInput(workspaceId, journeyId, r.Version, r.ProfileId, r.Traits, r.Timezone, r.Event, r.Properties ?? r.Data, start, events, horizon,
            answers, r.FailingWebhooks?.ToHashSet(StringComparer.Ordinal)), null, null);
    }

    /// <summary>A full date and time (a missing offset is UTC); never one completed from today.</summary>
    private static DateTimeOffset? Instant(string text) =>
        DateAndTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static (SimulationInput?, string?, string?) Fail(string field, string message) => (null, field, message);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")]
    private static partial Regex DateAndTime();
}
