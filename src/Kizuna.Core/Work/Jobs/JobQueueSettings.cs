namespace Kizuna.Work.Jobs;

/// <summary>
/// How the worker runs one queue: up to <paramref name="BatchSize"/> jobs claimed and handed over at once (500 for
/// a sender that batches its calls, 1 for an import), each held for <paramref name="Lease"/> at a time (extended
/// while the handler runs), and tried <paramref name="MaxAttempts"/> times before it is dead.
/// </summary>
public sealed record JobQueueSettings(string Queue, int BatchSize, TimeSpan Lease, int MaxAttempts);
