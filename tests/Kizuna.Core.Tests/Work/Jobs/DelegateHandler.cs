namespace Kizuna.Work.Jobs;

/// <summary>A job handler whose work each test supplies.</summary>
public sealed class DelegateHandler(Func<ClaimedJob, JobOutcomes, CancellationToken, Task> run) : IJobHandler
{
    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        foreach (var job in jobs)
        {
            await run(job, outcomes, ct);
        }
    }
}
