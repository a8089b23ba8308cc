using System.Globalization;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Channels.Push;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Messaging.Content;
using Kizuna.Templates;

namespace Kizuna.Messaging.Previews;

/// <summary>
/// Renders a template's content, saved or not, for one profile (or none) through the same composer its channel sends
/// with, with placeholder links; the editor's live preview. Content with problems is not rendered: its problems are
/// the answer, so an author sees each mistake with its field, line and column.
/// </summary>
public sealed class MessagePreviewer(
    ContentValidator validator, TemplateService templates, ITemplateDataSource profiles,
    EmailComposer email, SmsComposer sms, PushComposer push, WebhookComposer webhook)
{
    /// <summary>The preview, or null when <paramref name="profileId"/> names no profile of the workspace.</summary>
    public async Task<MessagePreview?> PreviewAsync(long workspaceId, MessageContent content, long? profileId, CancellationToken ct)
    {
        var problems = validator.Validate(content);
        if (problems.Count > 0)
        {
            return new MessagePreview(content.Channel, null, null, problems, []);
        }

        var workspace = workspaceId.ToString(CultureInfo.InvariantCulture);
        TemplateModel model;
        if (profileId is { } id)
        {
            if (await profiles.GetModelAsync(workspace, id.ToString(CultureInfo.InvariantCulture), ct) is not { } found)
            {
                return null;
            }

            model = found;
        }
        else
        {
            model = new TemplateModel();
        }

        model = model.WithLinks(MessageLinks.Preview);
        var options = new TemplateRenderOptions { WorkspaceId = workspace, Links = MessageLinks.Preview };
        IMessageComposer composer = content.Channel switch
        {
            MessageChannel.Sms => sms,
            MessageChannel.Push => push,
            MessageChannel.Webhook => webhook,
            MessageChannel.Email => email,
            _ => throw new ArgumentException($"{MessageChannels.Name(content.Channel)} templates are not previewed here.", nameof(content)),
        };

        // Id 0: an unsaved template, compiled for this render only and never cached.
        var rendered = await composer.RenderAsync(new MessageTemplate(0, 0, content), model, options, ct);
        string? preheader = null;
        if (rendered.Content is not null && content is EmailContent { Preheader: { } source })
        {
            preheader = (await templates.RenderAsync(TemplateSource.Adhoc(source), model, options, ct)).Output?.Trim();
        }

        return new MessagePreview(content.Channel, rendered.Content, preheader, [], rendered.Errors, rendered.AbortReason);
    }
}
