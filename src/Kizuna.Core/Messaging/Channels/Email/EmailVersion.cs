namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// What <see cref="EmailRenderer"/> derives once per stored version: its HTML source with the CSS inlined
/// (<see cref="LiquidCssInliner"/>) and the Liquid template of its text part (<see cref="LiquidHtmlText"/>), either
/// null when it is done per message. The text template is compared with the per-message derivation on the version's
/// first message on this node and dropped if they differ.
/// </summary>
internal sealed class EmailVersion(string? html, string? text)
{
    private volatile string? _text = text;
    private volatile bool _checked;

    public string? Html { get; } = html;

    public string? Text => _text;

    public bool TextChecked => _checked;

    public void TextAgreed() => _checked = true;

    public void TextDiffered()
    {
        _text = null;
        _checked = true;
    }
}
