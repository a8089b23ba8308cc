using Kizuna.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Workspaces;

public sealed class InvitationServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AcceptAsync_TwiceOrWithTheWrongSecret_MakesOneMembership(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var (workspace, user, invitations) = await SetUpAsync(store, time);
        var created = await invitations.CreateAsync(workspace.Id, user.Email, Role.Agent, "key:1", TimeSpan.FromDays(7), Ct);

        var wrongSecret = await invitations.AcceptAsync(created.Invitation.Id, created.Secret + "x", user.Id, Ct);
        var first = await invitations.AcceptAsync(created.Invitation.Id, created.Secret, user.Id, Ct);
        var second = await invitations.AcceptAsync(created.Invitation.Id, created.Secret, user.Id, Ct);

        Assert.Null(wrongSecret);
        Assert.Equal(time.GetUtcNow(), first?.AcceptedAt);
        Assert.Null(second);
        Assert.Equal(Role.Agent, (await new WorkspaceService(store.Database, time).FindMembershipAsync(user.Id, workspace.Id, Ct))?.Role);
        Assert.Empty(await invitations.ListPendingAsync(workspace.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AcceptAsync_ExpiredOrRevoked_IsRefused(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var (workspace, user, invitations) = await SetUpAsync(store, time);
        var expiring = await invitations.CreateAsync(workspace.Id, user.Email, Role.Viewer, "user:1", TimeSpan.FromHours(1), Ct);
        var revoked = await invitations.CreateAsync(workspace.Id, user.Email, Role.Viewer, "user:1", TimeSpan.FromDays(1), Ct);

        Assert.True(await invitations.RevokeAsync(workspace.Id, revoked.Invitation.Id, Ct));
        Assert.False(await invitations.RevokeAsync(workspace.Id + 1, expiring.Invitation.Id, Ct));   // another workspace's
        time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await invitations.FindPendingAsync(expiring.Invitation.Id, expiring.Secret, Ct));
        Assert.Null(await invitations.AcceptAsync(expiring.Invitation.Id, expiring.Secret, user.Id, Ct));
        Assert.Null(await invitations.AcceptAsync(revoked.Invitation.Id, revoked.Secret, user.Id, Ct));
        Assert.Null(await new WorkspaceService(store.Database, time).FindMembershipAsync(user.Id, workspace.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SessionService_EndedOrIdle_IsNoLongerActive(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var (_, user, _) = await SetUpAsync(store, time);
        var sessions = new SessionService(store.Database, time);
        var ended = await sessions.StartAsync(user.Id, Ct);
        var idle = await sessions.StartAsync(user.Id, Ct);
        var used = await sessions.StartAsync(user.Id, Ct);

        await sessions.EndAsync(ended, Ct);
        time.Advance(TimeSpan.FromHours(11));
        await sessions.TouchAsync(used, Ct);
        time.Advance(TimeSpan.FromHours(2));

        Assert.False(await sessions.IsActiveAsync(ended, user.Id, Ct));
        Assert.False(await sessions.IsActiveAsync(idle, user.Id, Ct));
        Assert.True(await sessions.IsActiveAsync(used, user.Id, Ct));
        Assert.False(await sessions.IsActiveAsync(used, user.Id + 1, Ct));   // a session is its user's only
    }

    private static async Task<(Workspace Workspace, User User, InvitationService Invitations)> SetUpAsync(TestStore store, TimeProvider time)
    {
        var workspace = await new WorkspaceService(store.Database, time).CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var user = await new UserService(store.Database, time).CreateAsync($"{Guid.NewGuid():N}@example.test", "Invited", "correct horse battery", Ct);
        return (workspace, user, new InvitationService(store.Database, time));
    }
}
