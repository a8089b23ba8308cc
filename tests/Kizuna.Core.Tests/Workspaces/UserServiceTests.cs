using Kizuna.Storage;

namespace Kizuna.Workspaces;

public sealed class UserServiceTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task VerifyAsync_RightPassword_ReturnsTheUser(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var users = new UserService(store.Database, TimeProvider.System);
        var email = $"{Guid.NewGuid():N}@example.test";
        var created = await users.CreateAsync(email, "Haruto", "s3cret-Passw0rd", ct);

        var verified = await users.VerifyAsync(email.ToUpperInvariant(), "s3cret-Passw0rd", ct);

        Assert.Equal(created.Id, verified?.Id);
        Assert.Equal(created, await users.FindAsync(created.Id, ct));
        Assert.True(await users.AnyAsync(ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task VerifyAsync_WrongPasswordOrUnknownEmail_ReturnsNull(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);
        var users = new UserService(store.Database, TimeProvider.System);
        var email = $"{Guid.NewGuid():N}@example.test";
        await users.CreateAsync(email, "Haruto", "s3cret-Passw0rd", ct);

        Assert.Null(await users.VerifyAsync(email, "s3cret-passw0rd", ct));
        Assert.Null(await users.VerifyAsync($"{Guid.NewGuid():N}@example.test", "s3cret-Passw0rd", ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AnyAsync_EmptyDatabase_ReturnsFalse(string engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(engine, ct);

        Assert.False(await new UserService(store.Database, TimeProvider.System).AnyAsync(ct));
    }
}
