using System.Buffers.Binary;
using System.Buffers.Text;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Tracking;
using Kizuna.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging;

public sealed class MessageLinkSignerTests
{
    private static readonly LinkTarget Target = new(7, 1234, 99);
    private static readonly IOptions<MessagingOptions> Options = Microsoft.Extensions.Options.Options.Create(new MessagingOptions { PublicUrl = "https://kizuna.example.com/" });
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Verify_ASignedToken_GivesItsTargetBackOnEveryNode(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var protection = new EphemeralDataProtectionProvider();
        using var keys = new LinkKeys(store.Database, protection, TimeProvider.System);
        using var otherNodeKeys = new LinkKeys(store.Database, protection, TimeProvider.System);

        var url = await new MessageLinkSigner(keys, protection, Options).UrlAsync(MessageLinkKind.Preferences, Target, Ct);

        Assert.StartsWith("https://kizuna.example.com/m/preferences/", url, StringComparison.Ordinal);
        var token = url.Split('/')[^1];
        Assert.True(token.Length < 60, $"A short token: {token}");
        Assert.Equal(Target, await new MessageLinkSigner(otherNodeKeys, protection, Options).VerifyAsync(MessageLinkKind.Preferences, token, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Verify_AlteredOrOtherKindOrForeignKey_IsRefused(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        await using var otherStore = await TestStore.CreateAsync(engine, Ct);
        var protection = new EphemeralDataProtectionProvider();
        using var keys = new LinkKeys(store.Database, protection, TimeProvider.System);
        using var foreignKeys = new LinkKeys(otherStore.Database, protection, TimeProvider.System);
        var signer = new MessageLinkSigner(keys, protection, Options);
        var token = await signer.SignAsync(MessageLinkKind.WebView, Target, Ct);
        var bytes = Base64Url.DecodeFromChars(token);

        foreach (var at in new[] { 0, 1, 12, bytes.Length - 1 })
        {
            var altered = (byte[])bytes.Clone();
            altered[at] ^= 0x01;
            Assert.Null(await signer.VerifyAsync(MessageLinkKind.WebView, Base64Url.EncodeToString(altered), Ct));
        }

        Assert.Null(await signer.VerifyAsync(MessageLinkKind.WebView, Base64Url.EncodeToString(bytes.AsSpan(0, bytes.Length - 1)), Ct));
        Assert.Null(await signer.VerifyAsync(MessageLinkKind.Unsubscribe, token, Ct));
        Assert.Null(await new MessageLinkSigner(foreignKeys, protection, Options).VerifyAsync(MessageLinkKind.WebView, token, Ct));
        Assert.Null(await signer.VerifyAsync(MessageLinkKind.WebView, "not a token!", Ct));
        Assert.Null(await signer.VerifyAsync(MessageLinkKind.WebView, "", Ct));
    }

    [Fact]
    public async Task Verify_LinksSignedBeforeLinkKeys_AreStillHonoured()
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var protection = new EphemeralDataProtectionProvider();
        using var keys = new LinkKeys(store.Database, protection, TimeProvider.System);
        var payload = new byte[24];
        BinaryPrimitives.WriteInt64BigEndian(payload, Target.WorkspaceId);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(8), Target.MessageId);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), Target.ProfileId);
        var unsubscribe = Base64Url.EncodeToString(protection.CreateProtector("Kizuna.Messaging.Links.v1", "Unsubscribe").Protect(payload));
        var open = Base64Url.EncodeToString(protection.CreateProtector("Kizuna.Messaging.Tracking.v1", "open").Protect(payload));

        var signer = new MessageLinkSigner(keys, protection, Options);
        var tracking = new TrackingLinks(keys, protection, Options);

        Assert.Equal(Target, await signer.VerifyAsync(MessageLinkKind.Unsubscribe, unsubscribe, Ct));
        Assert.Null(await signer.VerifyAsync(MessageLinkKind.Preferences, unsubscribe, Ct));
        Assert.Equal(Target, await tracking.VerifyOpenAsync(open, Ct));
        Assert.Null(await tracking.VerifyClickAsync(open, Ct));
    }

    [Fact]
    public async Task Tracking_ClickAndOpen_VerifyOnlyAsWhatTheyWereSignedFor()
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var protection = new EphemeralDataProtectionProvider();
        using var keys = new LinkKeys(store.Database, protection, TimeProvider.System);
        var tracking = new TrackingLinks(keys, protection, Options);
        var signed = await tracking.ForAsync(Target, Ct);

        var click = signed.ClickUrl("https://shop.example.com/sale?c=1")!.Split('/')[^1];
        var open = signed.OpenUrl.Split('/')[^1];

        Assert.Equal((Target, "https://shop.example.com/sale?c=1"), await tracking.VerifyClickAsync(click, Ct));
        Assert.Equal(Target, await tracking.VerifyOpenAsync(open, Ct));
        Assert.Null(await tracking.VerifyOpenAsync(click, Ct));
        Assert.Null(await tracking.VerifyClickAsync(open, Ct));
        Assert.Null(signed.ClickUrl("javascript:alert(1)"));
        Assert.Null(await new MessageLinkSigner(keys, protection, Options).VerifyAsync(MessageLinkKind.WebView, open, Ct));
    }
}
