namespace Kizuna.Work.Jobs;

/// <summary>What a handler reports about the jobs of its batch that did not succeed. Safe to call from several threads.</summary>
public sealed class JobOutcomes
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, JobFailure> _failures = [];

    /// <summary>The job failed; it is tried again after a backoff, or is dead after its last attempt.</summary>
    public void Fail(ClaimedJob job, string error) => Add(new JobFailure(job, error));

    /// <summary>The job failed; it is tried again after <paramref name="retryAfter"/> (the handler's own schedule), or is dead after its last attempt.</summary>
    public void Fail(ClaimedJob job, string error, TimeSpan retryAfter) => Add(new JobFailure(job, error, RetryAfter: retryAfter));

    /// <summary>The job cannot succeed (its input is gone or wrong): it is dead now, with <paramref name="error"/>.</summary>
    public void GiveUp(ClaimedJob job, string error) => Add(new JobFailure(job, error, Retry: false));

    internal IReadOnlyCollection<JobFailure> Failures
    {
        get
        {
            lock (_lock)
            {
                return [.. _failures.Values];
            }
        }
    }

    internal bool Reported(ClaimedJob job)
    {
        lock (_lock)
        {
            return _failures.ContainsKey(job.Id);
        }
    }

    private void Add(JobFailure failure)
    {
        lock (_lock)
        {
            _failures[failure.Job.Id] = failure;
        }
    }
}
