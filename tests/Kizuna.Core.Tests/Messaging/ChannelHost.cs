using System.Text.Json;
using Kizuna.Ingestion;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Templates.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Messaging;

/// <summary>A messaging host whose SMS, push and webhook channels talk to <see cref="Peer"/>, a real HTTP server on loopback.</summary>
public sealed class ChannelHost : IAsyncDisposable
{
    private ChannelHost(MessagingHost host, HttpPeer peer) => (Host, Peer) = (host, peer);

    public MessagingHost Host { get; }

    public HttpPeer Peer { get; }

    public long Ws => Host.Ws;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ChannelHost> StartAsync(string engine, Action<IServiceCollection>? configure = null)
    {
        var peer = HttpPeer.Start();
        var host = await MessagingHost.StartAsync(engine, configure: services =>
        {
            services.Configure<SmsOptions>(o => (o.BaseUrl, o.AccountSid, o.AuthToken, o.From, o.DefaultRegion) = (peer.BaseUrl, "AC123", "secret-token", "+15005550006", "JP"));
            services.Configure<WebhookOptions>(o => o.Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            configure?.Invoke(services);
        });
        return new ChannelHost(host, peer);
    }

    public T Get<T>() where T : notnull => Host.Get<T>();

    public async Task<long> CustomerAsync(string user, object traits, string? deviceJson = null)
    {
        var identify = Ingestion.Messages.Identify(user, null, JsonSerializer.Serialize(traits));
        if (deviceJson is not null)
        {
            identify = identify with { Context = new ProfileContext(null, null, deviceJson, null, null) };
        }

        await Get<IngestionPipeline>().SubmitAsync(new IngestBatch(Ws, [identify]), Ct);
        return (await Get<ProfileService>().ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, user), Ct))!.Value;
    }

    public async Task<StoredTemplate> TemplateAsync(MessageChannel channel, string body, string? subject = null, ChannelFields? fields = null)
    {
        var saved = await Get<TemplateLibrary>().CreateAsync(Ws, TemplateKind.Template, $"t{Guid.NewGuid():N}"[..20],
            new TemplateDraft(body, subject, Channel: MessageChannels.Name(channel), ChannelFields: (fields ?? new ChannelFields()).ToJson()), "test", Ct);
        return saved.Template ?? throw new InvalidOperationException(saved.Message);
    }

    public async Task<TransactionalResult> SendAsync(StoredTemplate template, string user, string? key = null, object? data = null, string? phone = null) =>
        await Get<MessageService>().SendAsync(Ws, new TransactionalSend(
            template.Id, new ProfileLookup(ProfileLookupKind.UserId, user), Data: data is null ? null : JsonSerializer.SerializeToElement(data), IdempotencyKey: key, Phone: phone), Ct);

    public Task<OutboxMessage> WaitForAsync(long id, OutboxState state) => Host.WaitForAsync(id, state);

    public async Task<IReadOnlyList<OutboxHistoryEntry>> HistoryAsync(long id) => await Get<OutboxStore>().HistoryAsync(Ws, id, Ct);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Peer.DisposeAsync();
    }
}
