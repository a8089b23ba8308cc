using Kizuna.Messaging.Outbox;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// Builds the MIME message of one send: From, To, Subject, Date, the deterministic Message-ID, <c>List-Unsubscribe</c>
/// with RFC 8058's one-click <c>List-Unsubscribe-Post</c>, the text and HTML parts (<see cref="EncodedAlternative"/>:
/// encoded once into a pooled buffer, so dispose the message after its send), and a DKIM signature when a key is set.
/// </summary>
public sealed class EmailMessageFactory
{
    private static readonly HeaderId[] Signed =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.ListUnsubscribe,
        HeaderId.ListUnsubscribePost, HeaderId.MimeVersion, HeaderId.ContentType,
    ];

    private readonly EmailOptions _options;
    private readonly string _fromName;
    private readonly string _fromAddress;
    private readonly DkimSigner? _signer;
    private readonly TimeProvider _time;

    public EmailMessageFactory(IOptions<EmailOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _fromName = _options.FromName ?? string.Empty;
        _fromAddress = MailboxAddress.Parse(_options.FromAddress).Address;
        if (_options.Dkim is { Enabled: true } dkim)
        {
            using var key = dkim.PrivateKey is { Length: > 0 } pem ? new MemoryStream(System.Text.Encoding.ASCII.GetBytes(pem)) : (Stream)File.OpenRead(dkim.PrivateKeyPath!);
            _signer = new DkimSigner(key, dkim.Domain!, dkim.Selector!, DkimSignatureAlgorithm.RsaSha256)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
        }
    }

    /// <summary>The Message-ID of an outbox message: the same for every try, unique per workspace and message.</summary>
    public string MessageId(OutboxMessage message) => $"kz.{message.WorkspaceId}.{message.Id}@{_options.IdDomain}";

    public MimeMessage Create(ReadyMessage ready)
    {
        var email = (RenderedEmail)ready.Content;
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = _time.GetUtcNow(),
            MessageId = ready.DeliveryId,
        };
        // A new sender address each time: an address list subscribes to its addresses' changes, so one shared
        // address would hold on to every message ever built (the W4 benchmark's memory grew 28 KB a message).
        message.From.Add(new MailboxAddress(_fromName, _fromAddress));
        message.To.Add(MailboxAddress.Parse(ready.Message.Recipient!));
        // RFC 8058: a receiver posts "List-Unsubscribe=One-Click" to the HTTPS link; transactional mail carries it too.
        message.Headers.Add(HeaderId.ListUnsubscribe, $"<{ready.Links.UnsubscribeUrl}>");
        message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        // The parts are encoded once here, not by MimeKit on each of the writes a send makes (measure, sign, send).
        message.Body = EncodedAlternative.Create(email.Text, email.Html);
        if (_signer is not null)
        {
            message.Prepare(EncodingConstraint.SevenBit);
            _signer.Sign(message, Signed);
        }

        return message;
    }
}
