using Kizuna.Work.Changes;

namespace Kizuna.Server.Work;

/// <summary>
/// The change feed's promise end to end: a server writing the event archive is killed with SIGKILL in the middle of
/// a load (and of the archive's batches), restarted, and once the archive has caught up every acknowledged event
/// is in it exactly once.
/// </summary>
public sealed class ChangeFeedCrashTests
{
    [Fact]
    public async Task Archive_ServerKilledMidLoad_EveryAcknowledgedEventArchivedExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await ServerStore.CreateAsync("sqlite", ct);
        var archive = Directory.CreateTempSubdirectory("kizuna-archive-");
        try
        {
            // The restarted process is a new node: it takes the consumer over when the dead one's lease expires.
            string[] settings = [$"--Archive:Folder={archive.FullName}", "--ChangeFeed:LeaseDuration=00:00:02"];
            var load = new TrackLoad("feed-crash", senders: 4, batchesPerSender: 200);
            await using (var server = await ServerProcess.StartAsync(store.Arguments, settings, ct))
            {
                var sending = load.RunAsync([server.Address], store.WriteKey, ct);
                while (load.Acknowledged.Count < 3_000 && !sending.IsCompleted)
                {
                    await Task.Delay(10, ct);
                }

                await server.KillAsync();
                await sending;
                Assert.True(load.Acknowledged.Count >= 3_000, $"Only {load.Acknowledged.Count} messages were acknowledged before the kill.\n{server.RecentOutput}");
                Assert.True(load.Acknowledged.Count < load.Total, "The load finished before the server was killed.");
            }

            await using (var restarted = await ServerProcess.StartAsync(store.Arguments, settings, ct))
            {
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
