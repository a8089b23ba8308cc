using Dapper;
using Kizuna.Storage;
using Kizuna.Work;
using Kizuna.Work.Changes;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Segments.Live;

/// <summary>Two nodes on one PostgreSQL database, each with its own writer, job worker and change-feed runner.</summary>
public sealed class TwoNodeMembershipTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingest_OnTwoNodesAtOnceThenOneDies_EachProfileEntersOnceAndTheOtherTakesOverAfterTheLease()
    {
        var a = await LiveHost.StartAsync("postgres", configure: ShortLease);
        var nodes = new List<LiveHost> { a, await LiveHost.JoinAsync(a, configure: ShortLease) };
        try
        {
            var segment = await a.CreateAsync("Buyers", """performed("Order Completed")""");
            await a.ComputedAsync(segment);

            await Task.WhenAll(IngestAsync(nodes[0], "a", 40), IngestAsync(nodes[1], "b", 40));
            await a.UntilAsync(async () => (await a.MembersAsync(segment)).Length == 80);
            await EnteredOnceAsync(a, "a", 40);
            await EnteredOnceAsync(a, "b", 40);

            // The node holding the segments consumer's lease dies without giving it back.
            var owner = await LeaseOwnerAsync(a);
            var dead = nodes.Single(n => n.Core.Get<NodeIdentity>().Name == owner);
            var survivor = nodes.Single(n => n != dead);
            await dead.DisposeAsync();
            nodes.Remove(dead);
            await using (var connection = await survivor.Core.Get<Database>().OpenAsync(Ct))
            {
                await connection.ExecuteAsync(
                    "UPDATE change_cursors SET lease_owner = @owner, lease_until = @until WHERE consumer = 'segments'",
                    new { owner, until = Epoch.ToMs(survivor.Time.GetUtcNow() + Lease) });
            }

            await IngestAsync(survivor, "c", 20);
            var held = await survivor.Core.Get<ChangeCursorStore>().LeaseAsync("segments", survivor.Core.Get<NodeIdentity>().Name, Ct);
            Assert.Null(held);   // not before the dead node's lease runs out

            survivor.Time.Advance(Lease);
            await survivor.UntilAsync(async () => (await survivor.MembersAsync(segment)).Length == 100);
            await EnteredOnceAsync(survivor, "a", 40);
            await EnteredOnceAsync(survivor, "c", 20);
            Assert.Equal(survivor.Core.Get<NodeIdentity>().Name, await LeaseOwnerAsync(survivor));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static void ShortLease(IServiceCollection services) =>
        services.Configure<ChangeFeedOptions>(o => o.LeaseDuration = Lease);

    private static async Task IngestAsync(LiveHost node, string prefix, int count)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(5))
        {
            await node.IngestAsync([.. chunk.Select(i => node.Track($"{prefix}-{i}", "Order Completed"))]);
        }
    }

    private static async Task EnteredOnceAsync(LiveHost node, string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Single(await node.EventsAsync(SegmentEvents.Entered, await node.ProfileOfAsync($"{prefix}-{i}")));
        }
    }

    private static async Task<string?> LeaseOwnerAsync(LiveHost node)
    {
        await using var connection = await node.Core.Get<Database>().OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<string>("SELECT lease_owner FROM change_cursors WHERE consumer = 'segments'");
    }
}
