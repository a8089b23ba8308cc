using Kizuna.Messaging;
using Kizuna.Messaging.Channels.InApp;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>The per-customer store on both engines: expiry, pinned order, a repeated delivery, first times kept.</summary>
public sealed class InAppStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Cards_ListedPinnedFirstThenNewest_UntilTheyExpire(string engine)
    {
        await using var db = await ServerStore.CreateAsync(engine, Ct);
        var store = new InAppStore(db.Database);
        var ws = db.WorkspaceId;
        await store.DeliverAsync(
        [
            Card(ws, 7, 1, Now, pinned: true, expires: Now.AddDays(1)),
            Card(ws, 7, 2, Now.AddMinutes(1), pinned: false, expires: null),
            Card(ws, 7, 3, Now.AddMinutes(2), pinned: false, expires: Now.AddHours(1)),
            Card(ws, 8, 4, Now.AddMinutes(3), pinned: true, expires: null),
        ], Ct);
        await store.DeliverAsync([Card(ws, 7, 2, Now.AddDays(3), pinned: true, expires: null)], Ct);   // delivered again after a crash

        var atFirst = await store.ListAsync(ws, 7, MessageChannel.ContentCard, Now.AddMinutes(5), Ct);
        var later = await store.ListAsync(ws, 7, MessageChannel.ContentCard, Now.AddHours(2), Ct);
        var nextDay = await store.ListAsync(ws, 7, MessageChannel.ContentCard, Now.AddDays(1), Ct);

        Assert.Equal([1L, 3L, 2L], atFirst.Select(c => c.MessageId));
        Assert.Equal([1L, 2L], later.Select(c => c.MessageId));
        Assert.Equal([2L], nextDay.Select(c => c.MessageId));
        Assert.False(nextDay[0].Pinned);   // the first delivery stands
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Mark_Repeated_KeepsTheFirstTime_AndOnlyForItsCustomer(string engine)
    {
        await using var db = await ServerStore.CreateAsync(engine, Ct);
        var store = new InAppStore(db.Database);
        var ws = db.WorkspaceId;
        await store.DeliverAsync([Card(ws, 7, 1, Now, pinned: false, expires: null) with { Channel = MessageChannel.InApp }], Ct);

        var clicked = await store.MarkAsync(ws, 7, 1, InAppAction.Clicked, Now.AddMinutes(1), Ct);
        var again = await store.MarkAsync(ws, 7, 1, InAppAction.Clicked, Now.AddMinutes(9), Ct);
        var someoneElse = await store.MarkAsync(ws, 8, 1, InAppAction.Dismissed, Now.AddMinutes(9), Ct);

        Assert.Equal((Now.AddMinutes(1), Now.AddMinutes(1)), (again!.ClickedAt, again.SeenAt));
        Assert.Equal(clicked, again);
        Assert.Null(someoneElse);
        Assert.Null((await store.FindAsync(ws, 7, 1, Ct))!.DismissedAt);
        Assert.Empty(await store.ListAsync(ws, 7, MessageChannel.InApp, Now.AddMinutes(10), Ct));
    }

    private static InAppItem Card(long ws, long profile, long message, DateTimeOffset at, bool pinned, DateTimeOffset? expires) =>
        new(ws, profile, message, MessageChannel.ContentCard, 1, 1, "{\"title\":\"T\",\"text\":\"x\",\"pinned\":" + (pinned ? "true" : "false") + "}", pinned, at, expires, null, null, null);
}
