using System.ComponentModel.DataAnnotations;

namespace Kizuna.Messaging.Export;

/// <summary>
/// Engagement export (<c>Messaging:Export:*</c>): how long an event is tried before it is dead, and the backoff
/// between tries. Requests go through the webhook channel's clients, so <c>Messaging:Webhook:Timeout</c>,
/// <c>Concurrency</c>, <c>AllowPrivateNetworks</c> and <c>PrivateNetworkWorkspaces</c> apply here too.
/// </summary>
public sealed class ExportOptions : IValidatableObject
{
    public const string Section = "Messaging:Export";

    /// <summary>How long after it was first queued an event is still tried; the first failure after it makes the event dead.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The wait after the first failure; it doubles with every further one, a random part of it taken away.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two tries.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Events claimed and sent at once by a node.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstRetryDelay > MaxRetryDelay)
        {
            yield return new ValidationResult("Messaging:Export:FirstRetryDelay is longer than Messaging:Export:MaxRetryDelay.", [nameof(FirstRetryDelay)]);
        }
    }
}
