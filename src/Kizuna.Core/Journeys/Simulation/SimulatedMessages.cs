using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Channels.Push;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Kizuna.Workspaces;

namespace Kizuna.Journeys.Simulation;

/// <summary>
/// Renders a simulated message as the outbox would send it (the same composer, template version, customer model and
/// the entry's <c>data</c>), with preview links. A hypothetical customer's model is their traits under <c>customer</c>.
/// </summary>
public sealed class SimulatedMessages(
    MessageTemplates templates, ITemplateDataSource profiles, EmailComposer email, SmsComposer sms, PushComposer push, WebhookComposer webhook)
{
    private const int MaxText = 2_000;

    public async Task<SimulatedMessage> RenderAsync(NewMessage message, JsonObject? traits, string? timeZone, CancellationToken ct)
    {
        var channel = MessageChannels.Name(message.Channel);
        IMessageComposer? composer = message.Channel switch
        {
            MessageChannel.Email => email,
            MessageChannel.Sms => sms,
            MessageChannel.Push => push,
            MessageChannel.Webhook => webhook,
            _ => null,
        };
        if (composer is null)
        {
            return new(channel, message.TemplateId, message.TemplateVersion, message.Recipient, null, null, $"{channel} messages are not rendered here.");
        }

        if (await templates.FindAsync(composer, message.WorkspaceId, message.TemplateId, message.TemplateVersion, ct) is not { } template)
        {
            return new(channel, message.TemplateId, message.TemplateVersion, message.Recipient, null, null, $"The template is not a {channel} template of this workspace.");
        }

        var workspace = message.WorkspaceId.ToString(CultureInfo.InvariantCulture);
        var model = message.ProfileId > 0
            ? await profiles.GetModelAsync(workspace, message.ProfileId.ToString(CultureInfo.InvariantCulture), ct) ?? new TemplateModel()
            : Hypothetical(traits, timeZone);
        if (message.Data is { } data)
        {
            using var document = JsonDocument.Parse(data);
            model.Set("data", document.RootElement.Clone());
        }

        var options = new TemplateRenderOptions { WorkspaceId = workspace, Links = MessageLinks.Preview };
        var rendered = await composer.RenderAsync(template, model.WithLinks(MessageLinks.Preview), options, ct);
        var (subject, text) = rendered.Content switch
        {
            RenderedEmail e => (e.Subject, e.Text),
            RenderedSms s => (null, s.Body),
            RenderedPush p => (p.Title, p.Body),
            RenderedWebhook w => (null, w.Body),
            _ => ((string?)null, (string?)null),
        };
        var problem = rendered.AbortReason is { } abort ? $"The template aborts the message: {abort}"
            : rendered.Content is null ? (rendered.Errors.Count > 0 ? rendered.Errors[0].ToString() : "The template renders nothing.")
            : null;
        return new(channel, message.TemplateId, message.TemplateVersion, message.Recipient, subject, text is { Length: > MaxText } ? text[..MaxText] : text, problem);
    }

    internal static TemplateModel Hypothetical(JsonObject? traits, string? timeZone)
    {
        var customer = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in traits ?? [])
        {
            customer[name] = value?.DeepClone();
        }

        customer["traits"] = traits?.DeepClone() ?? new JsonObject();
        return new TemplateModel { TimeZone = UserTimeZones.Find(timeZone) }.Customer(customer);
    }
}
