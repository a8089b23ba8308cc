using System.ComponentModel.DataAnnotations;

namespace Kizuna.Work.Changes;

/// <summary>How consumers of the change feed are run. Bound from the <c>ChangeFeed</c> configuration section.</summary>
public sealed class ChangeFeedOptions
{
    public const string Section = "ChangeFeed";

    /// <summary>
    /// How often an idle consumer looks for changes another node committed (this node's own commits wake it at once).
    /// Half the lag a consumer on another node can have.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a consumer's lease lasts unrenewed: a node that dies loses its consumers to another after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause before a consumer whose handler failed is handed the same changes again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long changes every consumer has passed are kept (for a consumer added back, or an investigation).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each node deletes changes past the retention.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(5);
}
