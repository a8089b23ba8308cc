using System.Collections.Concurrent;
using Kizuna.Storage;

namespace Kizuna.Work.Jobs;

/// <summary>Several PostgreSQL nodes claiming from one queue at the same time.</summary>
public sealed class ConcurrentClaimTests
{
    private const int Jobs = 3_000;

    [Fact]
    public async Task ClaimAsync_ManyNodesClaimingAtOnce_EveryJobClaimedExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await JobQueueFixture.CreateAsync("postgres");
        await f.Queue.EnqueueManyAsync([.. Enumerable.Range(0, Jobs).Select(i => new NewJob("q", $$"""{"i":{{i}}}"""))], ct);
        // Two nodes, each with its own connection pool, and four claim loops on each.
        await using var second = new PostgresDatabase(new StorageOptions { Provider = "postgres", ConnectionString = f.Store.ConnectionString });
        var nodes = new[] { f.NewNode(), f.NewNode(second) };
        var claims = new ConcurrentBag<long>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(loop => Task.Run(async () =>
        {
            var node = nodes[loop % 2];
            while (await node.ClaimAsync("q", 1 + (loop * 7 % 40), TimeSpan.FromMinutes(5), ct) is { Count: > 0 } jobs)
            {
                foreach (var job in jobs)
                {
                    claims.Add(job.Id);
                }

                Assert.Equal(jobs.Count, await node.CompleteAsync(jobs, ct));
            }
        }, ct)));

        Assert.Equal(Jobs, claims.Count);
        Assert.Equal(Jobs, claims.Distinct().Count());
        Assert.Empty(await f.Queue.StatsAsync(ct));
    }
}
