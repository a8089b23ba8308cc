using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Consent;
using Kizuna.Messaging.Outbox;
using Kizuna.Messaging.Suppressions.Inbound;
using Kizuna.Profiles;
using Kizuna.Storage;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Kizuna.Messaging.Suppressions;

/// <summary>Reports that come back by email after a send was accepted, delivered to the bounce mailbox over real SMTP.</summary>
public sealed class BounceMailboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task LateHardBounce_ListsTheAddressAndRecordsEmailBouncedOnce_ADelayOrAForgedRecipientChangesNothing(string engine)
    {
        await using var host = await StartAsync(engine);
        var profile = await host.CustomerAsync("u-d1", "late@example.com");
        var sent = await SendAsync(host, "u-d1");
        var messageId = host.Get<EmailMessageFactory>().MessageId(sent);

        await SubmitAsync(host, Dsn(messageId, "late@example.com", "delayed", "4.4.1"));
        await SubmitAsync(host, Dsn(messageId, "someone-else@example.com", "failed", "5.1.1"));
        Assert.Null(await host.Get<SuppressionStore>().FindAsync(host.Ws, MessageChannel.Email, "late@example.com", Ct));

        await SubmitAsync(host, Dsn(messageId, "late@example.com", "failed", "5.1.1"));
        await SubmitAsync(host, Dsn(messageId, "late@example.com", "failed", "5.1.1"));   // the remote MTA sent it twice

        var entry = await host.Get<SuppressionStore>().FindAsync(host.Ws, MessageChannel.Email, "late@example.com", Ct);
        Assert.Equal((SuppressionReasons.Bounce, profile, sent.Id, "5.1.1"), (entry!.Reason, entry.ProfileId, entry.MessageId, entry.Detail));
        var bounced = Assert.Single(await host.Get<ProfileService>().TimelineAsync(host.Ws, profile, null, 20, Ct), e => e.Name == "Email Bounced");
        Assert.Equal(("hard", "5.1.1", "dsn", sent.Id), (
            bounced.Properties!["bounce_type"]!.GetValue<string>(), bounced.Properties["status"]!.GetValue<string>(),
            bounced.Properties["reported_by"]!.GetValue<string>(), bounced.Properties["message_id"]!.GetValue<long>()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FeedbackLoopComplaint_ListsUnsubscribesAndRecordsEmailComplained(string engine)
    {
        await using var host = await StartAsync(engine);
        var profile = await host.CustomerAsync("u-d2", "Angry@Example.com");
        var sent = await SendAsync(host, "u-d2");

        await SubmitAsync(host, Arf(host.Get<EmailMessageFactory>().MessageId(sent), "Angry@Example.com"));

        var entry = await host.Get<SuppressionStore>().FindAsync(host.Ws, MessageChannel.Email, "angry@example.com", Ct);
        Assert.Equal(SuppressionReasons.Complaint, entry!.Reason);
        Assert.Single(await host.Get<ProfileService>().TimelineAsync(host.Ws, profile, null, 20, Ct), e => e.Name == SuppressionService.ComplainedEvent);
        var consent = await host.Get<SubscriptionStore>().ReadAsync(host.Ws, profile, Ct);
        Assert.Contains(consent, c => c.Channel == MessageChannel.Email && c.GroupId == 0 && c.State == SubscriptionState.Unsubscribed);
    }

    [Fact]
    public async Task NotAReport_IsAcceptedAndDropped_AndNoMimeIsRefused()
    {
        await using var host = await StartAsync("sqlite");
        var reply = new MimeMessage(new[] { new MailboxAddress("Ren", "ren@example.com") }, new[] { new MailboxAddress("", "bounces@shop.example.com") }, "Re: your order", new TextPart("plain") { Text = "Out of office until Monday." });

        await SubmitAsync(host, reply);

        Assert.Empty(await host.Get<SuppressionStore>().ListAsync(host.Ws, new SuppressionFilter(null, null, null, null, 10), Ct));
    }

    private static Task<MessagingHost> StartAsync(string engine) =>
        MessagingHost.StartAsync(engine, configure: s => s.Configure<BounceMailboxOptions>(o => (o.Enabled, o.Port) = (true, 0)));

    private static async Task<OutboxMessage> SendAsync(MessagingHost host, string user)
    {
        var template = await host.TemplateAsync("<p>Your order has shipped</p>");
        var queued = await host.SendAsync(template, user);
        return await host.WaitForAsync(queued.Id, OutboxState.Sent);
    }

    private static async Task SubmitAsync(MessagingHost host, MimeMessage report)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", await host.Get<BounceMailbox>().PortAsync(Ct), MailKit.Security.SecureSocketOptions.None, Ct);
        await client.SendAsync(report, Ct);
        await client.DisconnectAsync(true, Ct);
    }

    // A DSN as Postfix writes it (RFC 3464), quoting the original's headers.
    private static MimeMessage Dsn(string messageId, string recipient, string action, string status) => Parse($"""
        From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
        To: bounces@shop.example.com
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <dsn.{Guid.NewGuid():N}@mx.example.net>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

        --b1
        Content-Type: text/plain

        I'm sorry to have to inform you that your message could not be delivered.

        --b1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net
        Arrival-Date: Sat,  5 Dec 2026 10:00:00 +0000 (UTC)

        Final-Recipient: rfc822; {recipient}
        Original-Recipient: rfc822;{recipient}
        Action: {action}
        Status: {status}
        Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address rejected

        --b1
        Content-Type: text/rfc822-headers

        From: Example Shop <shop@example.com>
        To: {recipient}
        Subject: Your order has shipped
        Message-ID: <{messageId}>

        --b1--
        """);

    // An abuse report (ARF, RFC 5965) from a mailbox provider's feedback loop, quoting the whole message.
    private static MimeMessage Arf(string messageId, string recipient) => Parse($"""
        From: feedbackloop@isp.example.net
        To: bounces@shop.example.com
        Subject: FW: Your order has shipped
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report; boundary="b2"

        --b2
        Content-Type: text/plain

        This is an email abuse report.

        --b2
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        User-Agent: ExampleFBL/1.0
        Version: 1

        --b2
        Content-Type: message/rfc822

        From: Example Shop <shop@example.com>
        To: {recipient}
        Subject: Your order has shipped
        Message-ID: <{messageId}>

        Your order has shipped.
        --b2--
        """);

    private static MimeMessage Parse(string text) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))));
}
