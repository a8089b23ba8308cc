using Dapper;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Outbox;
using Kizuna.Storage;

namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// Send-rate limits (<see cref="SendRate"/>), shared by every node through the database: a batch adds the messages it
/// wants to the current second's window in one upsert and sends what was left below the limit; the rest wait for
/// the following seconds, <c>PerSecond</c> to a second, and go through every check again then. The window counts
/// what was asked, not what was granted: once a second is full, nothing more is granted in it either way.
/// </summary>
public sealed class SendRateCheck(Database database, MessagingSettingsStore settings, TimeProvider time) : ISendCheck
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    public async Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var start = Epoch.ToMs(now) / 1000 * 1000;
        foreach (var workspace in messages.GroupBy(m => m.WorkspaceId))
        {
            var rates = (await settings.GetAsync(workspace.Key, ct)).SendRates;
            foreach (var channel in workspace.GroupBy(m => m.Channel))
            {
                if (rates.FirstOrDefault(r => r.Channel == MessageChannels.Name(channel.Key)) is not { } rate)
                {
                    continue;
                }

                var wanted = channel.Where(m => decisions.For(m.Id) is null).OrderBy(m => m.Id).ToList();
                if (wanted.Count == 0)
                {
                    continue;
                }

                var asked = await AskAsync(workspace.Key, channel.Key, start, wanted.Count, now, ct);
                var granted = (int)Math.Clamp(rate.PerSecond - (asked - wanted.Count), 0, wanted.Count);
                var reason = $"Send rate: {rate.PerSecond} {MessageChannels.Name(channel.Key)} a second reached.";
                for (var i = granted; i < wanted.Count; i++)
                {
                    var second = 1 + ((i - granted) / rate.PerSecond);
                    decisions.Defer(wanted[i], Epoch.FromMs(start) + (Window * second), reason);
                }
            }
        }
    }

    /// <summary>Adds <paramref name="count"/> to the second's window and answers its total, dropping windows no longer read.</summary>
    private async Task<long> AskAsync(long workspaceId, MessageChannel channel, long start, int count, DateTimeOffset now, CancellationToken ct)
    {
        var name = MessageChannels.Name(channel);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var asked = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO send_rate_windows (workspace_id, channel, window_start, asked) VALUES (@workspaceId, @name, @start, @count)
            ON CONFLICT (workspace_id, channel, window_start) DO UPDATE SET asked = send_rate_windows.asked + excluded.asked
            RETURNING asked
            """,
            new { workspaceId, name, start, count = (long)count }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM send_rate_windows WHERE workspace_id = @workspaceId AND channel = @name AND window_start < @old",
            new { workspaceId, name, old = Epoch.ToMs(now - Kept) }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return asked;
    }
}
