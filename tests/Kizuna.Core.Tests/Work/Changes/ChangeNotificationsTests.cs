using Kizuna.Segments.Live;
using Microsoft.Extensions.Hosting;

namespace Kizuna.Work.Changes;

/// <summary>
/// Two nodes on one PostgreSQL database: a change one node commits wakes the other node's consumers at once, without
/// waiting for their poll (which the frozen clock here never fires).
/// </summary>
public sealed class ChangeNotificationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commit_OnAnotherNode_WakesThisNodesConsumers()
    {
        await using var a = await LiveHost.StartAsync("postgres", realTime: false);
        await using var b = await LiveHost.JoinAsync(a, realTime: false);
        await Listener(a).Listening.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var woken = a.Core.Get<ChangeSignal>().Next;

        await b.IngestAsync(b.Track("customer-on-b", "Product Viewed"));

        await woken.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task Sqlite_DoesNotListen()
    {
        await using var a = await LiveHost.StartAsync("sqlite", realTime: false);
        var listener = Listener(a);

        await listener.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(listener.Listening.IsCompleted);
    }

    private static ChangeNotifications Listener(LiveHost node) => node.Core.Get<IEnumerable<IHostedService>>().OfType<ChangeNotifications>().Single();
}
