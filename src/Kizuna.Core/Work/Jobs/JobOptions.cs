using System.ComponentModel.DataAnnotations;

namespace Kizuna.Work.Jobs;

/// <summary>The job queue and its worker. Bound from the <c>Jobs</c> configuration section.</summary>
public sealed class JobOptions : IValidatableObject
{
    public const string Section = "Jobs";

    /// <summary>
    /// How often the worker looks for jobs it was not told about: those other nodes enqueued, scheduled jobs coming
    /// due, and jobs whose lease expired. A job enqueued on this node to run now wakes the worker at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long done and cancelled jobs are kept, so their keys still turn a repeated enqueue away.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long dead jobs are kept for someone to look at or retry.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan DeadRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The wait after a first failure; it doubles with every further one, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts of a job whose queue has no handler on this node to take the setting from.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// Lease lengths by queue name, replacing the handler's (<c>Jobs:Leases:import=00:00:30</c>): a shorter lease
    /// lets another node take a dead node's jobs over sooner, at the price of more frequent extensions.
    /// </summary>
    public Dictionary<string, TimeSpan> Leases { get; set; } = [];

    /// <summary>The settings a queue runs with here, its lease replaced when configured.</summary>
    public JobQueueSettings Apply(JobQueueSettings settings) =>
        Leases.TryGetValue(settings.Queue, out var lease) ? settings with { Lease = lease } : settings;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (queue, lease) in Leases.Where(l => l.Value < TimeSpan.FromSeconds(1) || l.Value > TimeSpan.FromDays(1)))
        {
            yield return new ValidationResult($"Jobs:Leases:{queue} is {lease}; a lease lasts from one second to one day.", [nameof(Leases)]);
        }

        if (RetryDelay > MaxRetryDelay)
        {
            yield return new ValidationResult("Jobs:RetryDelay is longer than Jobs:MaxRetryDelay.", [nameof(RetryDelay)]);
        }
    }
}
