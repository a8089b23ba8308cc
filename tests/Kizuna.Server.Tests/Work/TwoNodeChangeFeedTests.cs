using Kizuna.Work.Changes;

namespace Kizuna.Server.Work;

/// <summary>
/// Two server processes on one PostgreSQL database, both ingesting while the event archive (one node at a time,
/// both pointed at the same folder) reads the feed. The writers' transactions interleave, so a feed read in id
/// order would skip events; one node is killed halfway, so the other must take the archive over where it stopped.
/// </summary>
public sealed class TwoNodeChangeFeedTests
{
    [Fact]
    public async Task Archive_TwoNodesIngestingOneKilled_EveryAcknowledgedEventArchivedExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await ServerStore.CreateAsync("postgres", ct);
        var archive = Directory.CreateTempSubdirectory("kizuna-archive-");
        try
        {
            string[] settings = [$"--Archive:Folder={archive.FullName}", "--ChangeFeed:LeaseDuration=00:00:03"];
            var load = new TrackLoad("two-nodes", senders: 8, batchesPerSender: 40);
            await using (var a = await ServerProcess.StartAsync(store.Arguments, settings, ct))
            await using (var b = await ServerProcess.StartAsync(store.Arguments, settings, ct))
            {
                var sending = load.RunAsync([a.Address, b.Address], store.WriteKey, ct);
                while (load.Acknowledged.Count < load.Total / 2 && !sending.IsCompleted)
                {
                    await Task.Delay(10, ct);
                }

                await a.KillAsync();
                await sending;
                Assert.True(load.Acknowledged.Count < load.Total, "The load finished before the node was killed.");
                await ArchiveFolder.WaitUntilCaughtUpAsync(new ChangeFeed(store.Database, TimeProvider.System, []), ct);
            }

            var archived = ArchiveFolder.CountMessageIds(archive.FullName);
            Assert.All(load.Acknowledged, id => Assert.Equal(1, archived.GetValueOrDefault(id)));
            Assert.All(archived, pair => Assert.Equal(1, pair.Value));
        }
        finally
        {
            archive.Delete(recursive: true);
        }
    }
}
