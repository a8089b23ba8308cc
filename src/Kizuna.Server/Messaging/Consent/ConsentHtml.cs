using System.Globalization;
using System.Text;
using Kizuna.Messaging;
using Kizuna.Messaging.Consent;
using static System.Net.WebUtility;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>
/// The HTML of the customer's pages: plain forms that work without script (the server's content policy allows none
/// inline), readable on a phone, in the customer's language with a switch to the other.
/// </summary>
public static class ConsentHtml
{
    private const string Style =
        """
        body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;background:#f5f6f8;color:#1f2933;margin:0}
        main{max-width:560px;margin:40px auto;background:#fff;border-radius:12px;padding:28px 32px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
        h1{font-size:1.4rem;margin:0 0 8px}p{line-height:1.6}.hint{color:#616e7c;font-size:.9rem;margin:4px 0 0 30px}
        label.row{display:flex;gap:12px;align-items:flex-start;padding:12px 0;border-top:1px solid #e4e7eb;cursor:pointer}
        label.row input{width:18px;height:18px;margin-top:3px}.name{font-weight:600}.desc{color:#616e7c;font-size:.9rem}
        h2{font-size:1rem;margin:20px 0 4px;color:#3e4c59}button{background:#3b5bdb;color:#fff;border:0;border-radius:8px;padding:10px 20px;font-size:1rem;margin-top:16px;cursor:pointer}
        .notice{background:#e6fcf5;border:1px solid #96f2d7;border-radius:8px;padding:10px 14px}.lang{float:right;font-size:.9rem}
        """;

    public static string Page(ConsentPageText text, string title, string body, string selfPath) =>
        $"""
        <!DOCTYPE html>
        <html lang="{text.Lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{HtmlEncode(title)}</title><style>{Style}</style></head>
        <body><main><a class="lang" href="{HtmlEncode(selfPath)}?lang={text.Other.Lang}">{text.OtherLanguage}</a><h1>{HtmlEncode(title)}</h1>
        {body}
        </main></body></html>
        """;

    public static string Message(ConsentPageText text, string title, string message, string selfPath, string? link = null, string? linkText = null) =>
        Page(text, title, $"<p class=\"notice\" id=\"notice\">{HtmlEncode(message)}</p>"
            + (link is null ? "" : $"<p><a href=\"{HtmlEncode(link)}\">{HtmlEncode(linkText ?? link)}</a></p>"), selfPath);

    public static string Question(ConsentPageText text, string title, string question, string button, string selfPath, string? link = null, string? linkText = null) =>
        Page(text, title,
            $"<p>{HtmlEncode(question)}</p><form method=\"post\" action=\"{HtmlEncode(selfPath)}?lang={text.Lang}\"><button type=\"submit\" id=\"submit\">{HtmlEncode(button)}</button></form>"
            + (link is null ? "" : $"<p><a href=\"{HtmlEncode(link)}\">{HtmlEncode(linkText ?? link)}</a></p>"), selfPath);

    public static string Preferences(ConsentPageText text, string selfPath, string? maskedEmail, ConsentView view, IReadOnlyList<MessageChannel> channels, string? notice)
    {
        var body = new StringBuilder();
        if (notice is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" id=\"notice\">{HtmlEncode(notice)}</p>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(string.Format(CultureInfo.InvariantCulture, text.PreferencesIntro, maskedEmail ?? "…"))}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{HtmlEncode(selfPath)}?lang={text.Lang}\">");
        foreach (var channel in view.Channels.Where(c => channels.Contains(c.Channel)))
        {
            var name = MessageChannels.Name(channel.Channel);
            body.Append(CultureInfo.InvariantCulture,
                $"<label class=\"row\"><input type=\"checkbox\" name=\"channel.{name}\" id=\"channel-{name}\"{Checked(channel.State != SubscriptionState.Unsubscribed)}>"
                + $"<span><span class=\"name\">{HtmlEncode(string.Format(CultureInfo.InvariantCulture, text.AllMarketing, text.Channel(channel.Channel)))}</span>"
                + $"<br><span class=\"desc\">{HtmlEncode(text.AllMarketingHint)}</span></span></label>");
        }

        var groups = view.Groups.Where(g => channels.Contains(g.Channel)).ToList();
        if (groups.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2>{HtmlEncode(text.Groups)}</h2>");
        }

        foreach (var group in groups)
        {
            var g = group.Group!;
            var (name, description) = text.Lang == "ja" ? (g.NameJa ?? g.Name, g.DescriptionJa ?? g.Description) : (g.Name, g.Description);
            body.Append(CultureInfo.InvariantCulture,
                $"<label class=\"row\"><input type=\"checkbox\" name=\"group.{HtmlEncode(g.Key)}\" id=\"group-{HtmlEncode(g.Key)}\"{Checked(SubscriptionStates.AllowsMarketing(group.State, false))}>"
                + $"<span><span class=\"name\">{HtmlEncode(name)}</span>{(description is null ? "" : $"<br><span class=\"desc\">{HtmlEncode(description)}</span>")}</span></label>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" id=\"save\">{HtmlEncode(text.Save)}</button></form>");
        return Page(text, text.PreferencesTitle, body.ToString(), selfPath);
    }

    /// <summary>An address shown only enough for its owner to recognise it: <c>h***@example.com</c>.</summary>
    public static string? Mask(string? email)
    {
        var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        return at <= 0 ? null : $"{email![0]}***{email[at..]}";
    }

    private static string Checked(bool on) => on ? " checked" : "";
}
