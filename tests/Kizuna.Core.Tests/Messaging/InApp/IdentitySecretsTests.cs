using Kizuna.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Messaging.Channels.InApp;

public sealed class IdentitySecretsTests
{
    private const long Ws = 7;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Rotate_WithAnOverlap_AcceptsTheOldHashUntilItEnds_ThenOnlyTheNewOne(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var secrets = new IdentitySecrets(store.Database, time);
        var old = (await secrets.GetOrCreateAsync(Ws, Ct)).Secret;

        var rotated = await secrets.RotateAsync(Ws, TimeSpan.FromHours(24), Ct);
        var oldHash = IdentitySecrets.ComputeHex(old, "u-1");
        var newHash = IdentitySecrets.ComputeHex(rotated.Secret, "u-1");

        Assert.NotEqual(old, rotated.Secret);
        Assert.Equal(time.GetUtcNow().AddHours(24), rotated.PreviousValidUntil);
        Assert.True(await secrets.VerifyAsync(Ws, "u-1", oldHash, Ct));
        Assert.True(await secrets.VerifyAsync(Ws, "u-1", newHash, Ct));
        Assert.False(await secrets.VerifyAsync(Ws, "u-2", oldHash, Ct));
        time.Advance(TimeSpan.FromHours(24));
        Assert.False(await secrets.VerifyAsync(Ws, "u-1", oldHash, Ct));
        Assert.True(await secrets.VerifyAsync(Ws, "u-1", newHash, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Rotate_WithoutOverlap_RefusesTheOldHashAtOnce_AndASecondRotationForgetsTheFirstSecret(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var secrets = new IdentitySecrets(store.Database, time);
        var first = (await secrets.GetOrCreateAsync(Ws, Ct)).Secret;
        var second = (await secrets.RotateAsync(Ws, TimeSpan.FromHours(1), Ct)).Secret;

        var third = await secrets.RotateAsync(Ws, TimeSpan.Zero, Ct);

        Assert.Null(third.PreviousValidUntil);
        Assert.False(await secrets.VerifyAsync(Ws, "u-1", IdentitySecrets.ComputeHex(first, "u-1"), Ct));
        Assert.False(await secrets.VerifyAsync(Ws, "u-1", IdentitySecrets.ComputeHex(second, "u-1"), Ct));
        Assert.True(await secrets.VerifyAsync(Ws, "u-1", IdentitySecrets.ComputeHex(third.Secret, "u-1"), Ct));
    }
}
