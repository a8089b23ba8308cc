using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Kizuna.Messaging;

public sealed class EmailChannelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_WithADkimKey_ArrivesSignedWithAValidSignatureOverTheHeadersThatMatter()
    {
        using var rsa = RSA.Create(2048);
        await using var host = await MessagingHost.StartAsync("sqlite", email: o => o.Dkim = new() { Domain = "example.com", Selector = "kz1", PrivateKey = rsa.ExportRSAPrivateKeyPem() });
        await host.CustomerAsync("u-dkim", "dkim@example.com");
        var template = await host.TemplateAsync("<html><body><p>Hello {{ customer.first_name }}</p></body></html>");

        var queued = await host.SendAsync(template, "u-dkim");
        await host.WaitForAsync(queued.Id, OutboxState.Sent);
        var mail = Assert.Single(host.Peer.Accepted);

        var signature = mail.Headers[mail.Headers.IndexOf(HeaderId.DkimSignature)];
        Assert.Contains("d=example.com", signature.Value);
        Assert.Contains("s=kz1", signature.Value);
        Assert.Matches("h=[^;]*list-unsubscribe-post", signature.Value.ToLowerInvariant());
        var verifier = new DkimVerifier(new OneKey($"v=DKIM1; k=rsa; p={Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())}"));
        Assert.True(await verifier.VerifyAsync(mail, signature, Ct));

        // The same message with its subject altered no longer verifies: the signature covers it.
        mail.Subject = "Changed";
        Assert.False(await verifier.VerifyAsync(mail, signature, Ct));
    }

    [Fact]
    public async Task Send_HtmlWithAStyleSheet_ArrivesInlinedWithATextPartAndOneClickUnsubscribe()
    {
        await using var host = await MessagingHost.StartAsync("sqlite");
        var profile = await host.CustomerAsync("u-css", "css@example.com", firstName: "Aoi");
        var template = await host.TemplateAsync(
            """
            <html><head><style>p.lead { color: #cc0000; font-weight: bold }</style></head>
            <body><p class="lead">Hello {{ customer.first_name }}</p><p>See <a href="https://shop.example.com/sale">the sale</a>.</p>
            <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
            """);

        var queued = await host.SendAsync(template, "u-css");
        await host.WaitForAsync(queued.Id, OutboxState.Sent);
        var mail = Assert.Single(host.Peer.Accepted);

        Assert.Matches(new Regex("<p class=\"lead\" style=\"[^\"]*color: #cc0000[^\"]*\">Hello Aoi</p>"), mail.HtmlBody);
        Assert.DoesNotContain("<style", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello Aoi", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("the sale (https://shop.example.com/sale)", mail.TextBody, StringComparison.Ordinal);

        var unsubscribe = mail.Headers[HeaderId.ListUnsubscribe];
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers[HeaderId.ListUnsubscribePost]);
        Assert.StartsWith("<https://mail.example.com/m/unsubscribe/", unsubscribe, StringComparison.Ordinal);
        var token = unsubscribe!.TrimStart('<').TrimEnd('>').Split('/')[^1];
        Assert.Equal(new LinkTarget(host.Ws, queued.Id, profile), await host.Get<MessageLinkSigner>().VerifyAsync(MessageLinkKind.Unsubscribe, token, CancellationToken.None));
        Assert.Contains(unsubscribe.Trim('<', '>'), mail.HtmlBody, StringComparison.Ordinal);
    }

    /// <summary>The DNS record of the signing key, as a receiver would look it up.</summary>
    private sealed class OneKey(string record) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey(record);

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(GetPublicKey(record));
    }
}
