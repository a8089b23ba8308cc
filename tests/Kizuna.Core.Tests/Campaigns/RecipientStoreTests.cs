using Dapper;
using Kizuna.Campaigns.Storage;
using Kizuna.Storage;

namespace Kizuna.Campaigns;

public sealed class RecipientStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A large snapshot on PostgreSQL: a recipient's mark is a lookup of its own row, not a walk of every pending
    /// recipient of the run through the due-time index (which the planner picked while the table had no statistics).
    /// </summary>
    [Fact]
    public async Task FinishSnapshotAsync_LargeSnapshotOnPostgres_RecipientMarksFindTheirRowWithoutTheDueIndex()
    {
        await using var store = await TestStore.CreateAsync("postgres", Ct);
        var recipients = new RecipientStore(store.Database, TimeProvider.System);
        await recipients.StartRunAsync(1, 7, 1, Ct);
        await using var connection = await store.Database.OpenAsync(Ct);
        // As the snapshot's chunks leave it (without statistics, 100,000 rows is enough for the planner to go wrong).
        await connection.ExecuteAsync(
            "INSERT INTO campaign_recipients (workspace_id, campaign_id, run, profile_id, variant, status, due_at) SELECT 1, 7, 1, p, 0, 'pending', 0 FROM generate_series(1, 100000) p");

        await recipients.FinishSnapshotAsync(1, 7, 1, null, Ct);

        var plan = string.Join('\n', await connection.QueryAsync<string>(
            "EXPLAIN UPDATE campaign_recipients SET status = 'queued' WHERE workspace_id = 1 AND campaign_id = 7 AND run = 1 AND profile_id = 5 AND status = 'pending'"));
        Assert.DoesNotContain("campaign_recipients_due", plan, StringComparison.Ordinal);
        Assert.Equal(100_000, (await recipients.RunAsync(1, 7, 1, Ct))!.Targeted);
    }
}
