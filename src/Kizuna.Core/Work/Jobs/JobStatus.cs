namespace Kizuna.Work.Jobs;

/// <summary>Where one job stands, for a page that follows the work it asked for.</summary>
public enum JobState
{
    /// <summary>Waiting for its due time or for a free worker.</summary>
    Waiting,

    /// <summary>A node holds it under a lease and is running it.</summary>
    Running,

    /// <summary>Finished.</summary>
    Done,

    /// <summary>Out of attempts (see the operations page) or cancelled.</summary>
    Failed,
}

/// <summary>One job's state, when it is due (or its lease ends) and its attempts so far.</summary>
public sealed record JobStatus(long Id, JobState State, DateTimeOffset DueAt, int Attempts, DateTimeOffset? FinishedAt);
