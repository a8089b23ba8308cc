using Kizuna.Messaging;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Kizuna.Templates.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Browser;

/// <summary>What the messaging page tests set up: templates saved as the API saves them, messages sent and waited for.</summary>
internal static class MessagingPages
{
    public static async Task<long> TemplateAsync(this DashboardServer server, long workspaceId, string name, TemplateDraft draft) =>
        (await server.Services.GetRequiredService<TemplateLibrary>().CreateAsync(workspaceId, TemplateKind.Template, name, draft, "test", CancellationToken.None)).Template?.Id
        ?? throw new InvalidOperationException($"Template {name} was not saved.");

    public static async Task<OutboxMessage> SendAsync(this DashboardServer server, long workspaceId, long templateId, string userId, string? phone = null)
    {
        var result = await server.Services.GetRequiredService<MessageService>().SendAsync(
            workspaceId, new TransactionalSend(templateId, new ProfileLookup(ProfileLookupKind.UserId, userId), Phone: phone), CancellationToken.None);
        return result.Message ?? throw new InvalidOperationException(result.Error);
    }

    /// <summary>Waits (a minute at most) until the message is in <paramref name="state"/>.</summary>
    public static async Task<OutboxMessage> WaitForAsync(this DashboardServer server, long workspaceId, long messageId, OutboxState state)
    {
        var outbox = server.Services.GetRequiredService<OutboxStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var message = await outbox.FindAsync(workspaceId, messageId, timeout.Token);
            if (message?.State == state)
            {
                return message;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
