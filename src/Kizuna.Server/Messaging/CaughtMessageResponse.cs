using Kizuna.Messaging.Channels.Email.Catcher;
using MimeKit;

namespace Kizuna.Server.Messaging;

/// <summary>An email the demo's catcher received, read back: envelope, the headers a reader checks (From and To as written), and both parts.</summary>
public sealed record CaughtMessageResponse(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string? MailFrom,
    IReadOnlyList<string> RcptTo,
    string? MessageId,
    string? FromHeader,
    string? ToHeader,
    string? Subject,
    string? ListUnsubscribe,
    string? ListUnsubscribePost,
    bool DkimSigned,
    string? Html,
    string? Text,
    int Size)
{
    public static CaughtMessageResponse From(CaughtMessage caught)
    {
        using var stream = new MemoryStream(caught.Raw, writable: false);
        var message = MimeMessage.Load(stream);
        return new(
            caught.Sequence, caught.ReceivedAt, caught.MailFrom, caught.RcptTo, caught.MessageId, message.From.ToString(), message.To.ToString(),
            message.Subject, message.Headers[HeaderId.ListUnsubscribe], message.Headers[HeaderId.ListUnsubscribePost],
            message.Headers.Contains(HeaderId.DkimSignature), message.HtmlBody, message.TextBody, caught.Raw.Length);
    }
}
