using Dapper;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;
using TimeZoneConverter;

namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// Quiet hours (<see cref="QuietHours"/>) in each customer's own time zone: a marketing message due inside them is
/// deferred to their end (or skipped when the workspace says drop). The zone is the profile's
/// <c>context.timezone</c>, else its <c>timezone</c> trait, else the setting's default, else UTC.
/// </summary>
public sealed class QuietHoursCheck(Database database, MessagingSettingsStore settings, TimeProvider time) : ISendCheck
{
    public async Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var workspace in messages.Where(m => !m.Transactional).GroupBy(m => m.WorkspaceId))
        {
            if ((await settings.GetAsync(workspace.Key, ct)).QuietHours is not { } quiet
                || Durations.TimeOfDay(quiet.Start) is not { } start || Durations.TimeOfDay(quiet.End) is not { } end)
            {
                continue;
            }

            var caught = workspace.Where(m => quiet.Channels is not { Count: > 0 } || quiet.Channels.Contains(MessageChannels.Name(m.Channel), StringComparer.Ordinal)).ToList();
            if (caught.Count == 0)
            {
                continue;
            }

            var fallback = quiet.DefaultTimeZone is { } name && TZConvert.TryGetTimeZoneInfo(name, out var zone) ? zone : TimeZoneInfo.Utc;
            var zones = await ZonesAsync(workspace.Key, [.. caught.Where(m => m.ProfileId > 0).Select(m => m.ProfileId).Distinct()], ct);
            foreach (var message in caught)
            {
                var customerZone = zones.GetValueOrDefault(message.ProfileId) ?? fallback;
                if (QuietHoursWindow.EndOf(start, end, customerZone, now) is not { } until)
                {
                    continue;
                }

                if (quiet.Action == "drop")
                {
                    decisions.Suppress(message, $"Quiet hours ({quiet.Start}–{quiet.End} {customerZone.Id}): skipped.");
                }
                else
                {
                    decisions.Defer(message, until, $"Quiet hours ({quiet.Start}–{quiet.End} {customerZone.Id}): deferred to their end.");
                }
            }
        }
    }

    private async Task<Dictionary<long, TimeZoneInfo?>> ZonesAsync(long workspaceId, long[] profileIds, CancellationToken ct)
    {
        if (profileIds.Length == 0)
        {
            return [];
        }

        var dialect = database.Dialect;
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string? Zone)>(new CommandDefinition(
            $"""
            SELECT id, COALESCE({dialect.JsonText("context", "@key")}, {dialect.JsonText("traits", "@key")})
            FROM profiles WHERE workspace_id = @workspaceId AND {dialect.InIds("id", "@ids")}
            """,
            new { workspaceId, key = "timezone", ids = dialect.Ids(profileIds) }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => r.Zone is { } z && TZConvert.TryGetTimeZoneInfo(z.Trim(), out var zone) ? zone : null);
    }
}
