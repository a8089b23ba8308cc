namespace Kizuna.Templates;

/// <summary>
/// Per-recipient links resolved by messaging before a send. Previews render the placeholders of <see cref="Preview"/>.
/// </summary>
public sealed record MessageLinks(string UnsubscribeUrl, string PreferencesUrl, string WebViewUrl)
{
    public static MessageLinks Preview { get; } = new("#preview-unsubscribe", "#preview-preferences", "#preview-web-view");
}
