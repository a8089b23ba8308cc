using Kizuna.Messaging.Links;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging;

public sealed class MessageLinkSignerTests
{
    private static readonly LinkTarget Target = new(7, 1234, 99);

    private static MessageLinkSigner Signer(IDataProtectionProvider? protection = null) =>
        new(protection ?? new EphemeralDataProtectionProvider(), Options.Create(new MessagingOptions { PublicUrl = "https://kizuna.example.com/" }));

    [Fact]
    public void Verify_ASignedToken_GivesItsTargetBack()
    {
        var signer = Signer();

        var url = signer.Url(MessageLinkKind.Preferences, Target);

        Assert.StartsWith("https://kizuna.example.com/m/preferences/", url, StringComparison.Ordinal);
        Assert.Equal(Target, signer.Verify(MessageLinkKind.Preferences, url.Split('/')[^1]));
    }

    [Fact]
    public void Verify_AlteredOrOtherKindOrForeignKey_IsRefused()
    {
        var signer = Signer();
        var token = signer.Sign(MessageLinkKind.WebView, Target);
        var altered = (token[5] == 'A' ? "B" : "A") is var c ? token[..5] + c + token[6..] : token;

        Assert.Null(signer.Verify(MessageLinkKind.WebView, altered));
        Assert.Null(signer.Verify(MessageLinkKind.Unsubscribe, token));
        Assert.Null(Signer().Verify(MessageLinkKind.WebView, token));
        Assert.Null(signer.Verify(MessageLinkKind.WebView, "not a token!"));
        Assert.Null(signer.Verify(MessageLinkKind.WebView, ""));
    }
}
