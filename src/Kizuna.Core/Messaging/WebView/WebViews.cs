using System.Globalization;
using System.Text.Json;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;

namespace Kizuna.Messaging.WebView;

/// <summary>
/// The email behind a message's signed <c>{{ web_view_url }}</c>: the message's own template version rendered again
/// for its recipient with its data and its signed links, as it was sent (without the open pixel and click redirects,
/// so reading it in a browser records nothing). A link whose message is gone, is not an email, or whose profile was
/// erased shows nothing.
/// </summary>
public sealed class WebViews(MessageLinkSigner links, OutboxStore outbox, MessageTemplates templates, EmailComposer composer, ITemplateDataSource profiles)
{
    /// <summary>The rendered email, or null when the token names nothing that can be shown.</summary>
    public async Task<RenderedEmail?> RenderAsync(string token, CancellationToken ct)
    {
        if (await links.VerifyAsync(MessageLinkKind.WebView, token, ct) is not { } target
            || await outbox.FindAsync(target.WorkspaceId, target.MessageId, ct) is not { Channel: MessageChannel.Email } message
            || message.ProfileId != target.ProfileId
            || await templates.FindAsync(composer, message.WorkspaceId, message.TemplateId, message.TemplateVersion, ct) is not { } template)
        {
            return null;
        }

        var workspace = message.WorkspaceId.ToString(CultureInfo.InvariantCulture);
        TemplateModel model;
        if (message.ProfileId <= 0)
        {
            model = new TemplateModel();
        }
        else if (await profiles.GetModelAsync(workspace, message.ProfileId.ToString(CultureInfo.InvariantCulture), ct) is { } found)
        {
            model = found;
        }
        else
        {
            return null;
        }

        if (message.Data is { } data)
        {
            using var document = JsonDocument.Parse(data);
            model.Set("data", document.RootElement.Clone());
        }

        var messageLinks = await links.ForAsync(message, ct);
        var rendered = await composer.RenderAsync(template, model.WithLinks(messageLinks), new TemplateRenderOptions { WorkspaceId = workspace, Links = messageLinks }, ct);
        return rendered.Content as RenderedEmail;
    }
}
