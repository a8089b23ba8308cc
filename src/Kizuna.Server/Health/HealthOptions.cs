using System.ComponentModel.DataAnnotations;

namespace Kizuna.Server.Health;

/// <summary>When waiting work makes <c>/health</c> say <c>degraded</c> (the node still answers 200).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>A job due longer ago than this and still not taken means no node is working its queue.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxJobWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A feed consumer further behind than this means it is stuck or no node runs it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxFeedLag { get; set; } = TimeSpan.FromMinutes(1);
}
