using Kizuna.Templates;

namespace Kizuna.Messaging;

/// <summary>What messaging adds to a recipient's template model.</summary>
public static class MessageModel
{
    /// <summary>
    /// The recipient's links as variables (<c>{{ unsubscribe_url }}</c>, <c>{{ preferences_url }}</c>,
    /// <c>{{ web_view_url }}</c>), beside the tags of the same names; previews pass <see cref="MessageLinks.Preview"/>.
    /// </summary>
    public static TemplateModel WithLinks(this TemplateModel model, MessageLinks links) => model
        .Set("unsubscribe_url", links.UnsubscribeUrl)
        .Set("preferences_url", links.PreferencesUrl)
        .Set("web_view_url", links.WebViewUrl);
}
