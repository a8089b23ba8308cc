using Dapper;
using Kizuna.Storage;

namespace Kizuna.Work.Jobs;

public sealed partial class JobQueue
{
    /// <summary>Where the job stands, or null when it is not there or not of <paramref name="workspaceId"/>.</summary>
    public async Task<JobStatus?> StatusAsync(long id, long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(string State, long DueAt, long Attempts, long? LeaseToken, long? FinishedAt)>(new CommandDefinition(
            "SELECT state, due_at, attempts, lease_token, finished_at FROM jobs WHERE id = @id AND workspace_id = @workspaceId",
            new { id, workspaceId }, cancellationToken: ct));
        if (row.State is null)
        {
            return null;
        }

        // A pending job under a lease whose time has not run out is being run; an expired lease is due again.
        var state = row.State switch
        {
            "done" => JobState.Done,
            "pending" when row.LeaseToken is not null && row.DueAt > Epoch.ToMs(time.GetUtcNow()) => JobState.Running,
            "pending" => JobState.Waiting,
            _ => JobState.Failed,
        };
        return new JobStatus(id, state, Epoch.FromMs(row.DueAt), (int)row.Attempts, row.FinishedAt is { } f ? Epoch.FromMs(f) : null);
    }
}
