namespace Kizuna.Messaging.Links;

/// <summary>The per-recipient pages a message links to; each kind is signed under its own purpose, so one never opens another.</summary>
public enum MessageLinkKind
{
    Unsubscribe,
    Preferences,
    WebView,
}
