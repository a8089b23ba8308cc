using System.Text.Json;
using Kizuna.Ingestion;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Templates;
using Kizuna.Templates.Store;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Messaging;

/// <summary>Kizuna.Core with templates and messaging, its email channel pointed at <see cref="Peer"/>.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private MessagingHost(CoreHost host, SmtpPeer peer)
    {
        Core = host;
        Peer = peer;
    }

    public CoreHost Core { get; }

    public SmtpPeer Peer { get; }

    public long Ws => Core.Workspace.Id;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<MessagingHost> StartAsync(string engine, int maxAttempts = 3, Action<EmailOptions>? email = null, Action<IServiceCollection>? configure = null)
    {
        var peer = await SmtpPeer.StartAsync();
        var host = await CoreHost.StartAsync(engine, services =>
        {
            services.AddKizunaTemplates(new ConfigurationBuilder().Build());
            services.AddKizunaMessaging();
            services.Configure<MessagingOptions>(o => (o.MaxAttempts, o.PublicUrl) = (maxAttempts, "https://mail.example.com"));
            services.Configure<EmailOptions>(o =>
            {
                (o.Host, o.Port, o.Security, o.PoolSize, o.FromAddress, o.FromName) = ("127.0.0.1", peer.Port, SmtpSecurity.None, 2, "shop@example.com", "Example Shop");
                email?.Invoke(o);
            });
            services.Configure<JobOptions>(o => (o.PollInterval, o.RetryDelay, o.MaxRetryDelay) = (TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)));
            configure?.Invoke(services);
        });
        return new MessagingHost(host, peer);
    }

    public T Get<T>() where T : notnull => Core.Get<T>();

    /// <summary>A customer identified as <paramref name="user"/> with an email address and a first name.</summary>
    public async Task<long> CustomerAsync(string user, string email, string firstName = "Hana")
    {
        await Get<IngestionPipeline>().SubmitAsync(new IngestBatch(Ws, [Messages.Identify(user, null, JsonSerializer.Serialize(new { email, first_name = firstName }))]), Ct);
        return (await Get<ProfileService>().ResolveAsync(Ws, new ProfileLookup(ProfileLookupKind.UserId, user), Ct))!.Value;
    }

    public async Task<StoredTemplate> TemplateAsync(string body, string subject = "Hello {{ customer.first_name }}")
    {
        var saved = await Get<TemplateLibrary>().CreateAsync(Ws, TemplateKind.Template, $"t{Guid.NewGuid():N}"[..20], new TemplateDraft(body, subject), "test", Ct);
        return saved.Template ?? throw new InvalidOperationException(saved.Message);
    }

    public async Task<OutboxMessage> SendAsync(StoredTemplate template, string to, string? key = null, object? data = null) =>
        (await Get<MessageService>().SendAsync(Ws, new TransactionalSend(
            template.Id, new ProfileLookup(ProfileLookupKind.UserId, to), Data: data is null ? null : JsonSerializer.SerializeToElement(data), IdempotencyKey: key), Ct)).Message!;

    /// <summary>Waits until the message reaches <paramref name="state"/> (or a final state, which then fails the assertion).</summary>
    public async Task<OutboxMessage> WaitForAsync(long id, OutboxState state)
    {
        for (var tries = 0; ; tries++)
        {
            var message = (await Get<OutboxStore>().FindAsync(Ws, id, Ct))!;
            if (message.State == state || tries == 3000)
            {
                Assert.Equal(state, message.State);
                return message;
            }

            await Task.Delay(20, Ct);
        }
    }

    /// <summary>
    /// The email queue's dead jobs once the message's job is among them: the message is marked with its part's outcomes
    /// and its job buried with the batch's, a moment later.
    /// </summary>
    public async Task<IReadOnlyList<DeadJob>> DeadJobsWithAsync(long messageId)
    {
        for (var tries = 0; ; tries++)
        {
            var dead = await Get<JobQueue>().DeadAsync("email", Ws, 10, Ct);
            if (dead.Any(j => j.Key == $"message:{messageId}") || tries == 3000)
            {
                return dead;
            }

            await Task.Delay(20, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Core.DisposeAsync();
        await Peer.DisposeAsync();
    }
}
