using System.Text.Json;
using Dapper;
using Kizuna.Ingestion;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Messaging.Guardrails;

/// <summary>A messaging host on a frozen clock, with helpers to set a workspace's settings, record past sends and run one check over messages.</summary>
public sealed class GuardrailHost : IAsyncDisposable
{
    private long _nextId = 1_000_000;

    private GuardrailHost(MessagingHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
    }

    public MessagingHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public long Ws => Host.Ws;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<GuardrailHost> StartAsync(string engine, DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        return new GuardrailHost(await MessagingHost.StartAsync(engine, configure: s => s.AddSingleton<TimeProvider>(clock)), clock);
    }

    public Task SettingsAsync(MessagingSettings settings) => Host.Get<MessagingSettingsStore>().SaveAsync(Ws, settings, Ct);

    public async Task<long> CustomerAsync(string user, object traits)
    {
        await Host.Get<IngestionPipeline>().SubmitAsync(new IngestBatch(Ws, [Ingestion.Messages.Identify(user, null, JsonSerializer.Serialize(traits))]), Ct);
        return (await Host.Get<ProfileService>().ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, user), Ct))!.Value;
    }

    /// <summary>A message the outbox sent to <paramref name="profileId"/> at <paramref name="sentAt"/>.</summary>
    public async Task SentAsync(long profileId, DateTimeOffset sentAt, bool transactional = false, MessageChannel channel = MessageChannel.Email)
    {
        await using var connection = await Host.Get<Database>().OpenAsync(Ct);
        await connection.ExecuteAsync(
            """
            INSERT INTO messages (workspace_id, profile_id, channel, source, idempotency_key, template_id, template_version, recipient, transactional, state, attempts, created_at, updated_at, sent_at)
            VALUES (@ws, @profileId, @channel, 'campaign:1', @key, 1, 1, 'x@example.com', @transactional, 'sent', 1, @at, @at, @at)
            """,
            new { ws = Ws, profileId, channel = MessageChannels.Name(channel), key = Guid.NewGuid().ToString(), transactional = transactional ? 1L : 0L, at = Epoch.ToMs(sentAt) });
    }

    /// <summary>A queued message, not stored: the checks read only what the outbox hands them.</summary>
    public OutboxMessage Message(long profileId, bool transactional = false, MessageChannel channel = MessageChannel.Email) => new(
        Interlocked.Increment(ref _nextId), Ws, profileId, channel, "campaign:1", Guid.NewGuid().ToString(), 1, 1, "x@example.com", null,
        transactional, OutboxState.Queued, 0, null, null, Clock.GetUtcNow(), Clock.GetUtcNow(), null);

    public async Task<SendDecisions> CheckAsync<TCheck>(params OutboxMessage[] messages) where TCheck : ISendCheck
    {
        var decisions = new SendDecisions();
        await Host.Core.Services.GetServices<ISendCheck>().OfType<TCheck>().Single().CheckAsync(messages, decisions, Ct);
        return decisions;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
