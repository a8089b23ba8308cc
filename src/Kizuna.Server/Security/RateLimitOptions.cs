using System.ComponentModel.DataAnnotations;

namespace Kizuna.Server.Security;

/// <summary>
/// Request limits (section <c>RateLimits</c>), counted per node in fixed windows. The defaults leave ingestion and
/// ordinary scripting alone and stop password guessing: a wrong password costs nothing the first few times, then
/// each further one doubles the wait before the next attempt.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests to <c>/api</c> per key or signed-in user in each <see cref="ApiWindow"/>.</summary>
    [Range(1, int.MaxValue)]
    public int ApiPermits { get; set; } = 3_000;

    public TimeSpan ApiWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests to <c>/v1</c> per write key (or per client address when the key is in the body) in each <see cref="IngestionWindow"/>.</summary>
    [Range(1, int.MaxValue)]
    public int IngestionPermits { get; set; } = 3_000_000;

    public TimeSpan IngestionWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Requests to the in-app client API (<c>/client/v1</c>) per client address in each <see cref="ClientWindow"/>. Its
    /// write key is public in every page, so the key cannot be the budget: one visitor's browser can be. A live stream
    /// is one request however long it stays open.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int ClientPermits { get; set; } = 600;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in and invitation form posts per client address in each <see cref="SignInWindow"/>, whatever their outcome.</summary>
    [Range(1, int.MaxValue)]
    public int SignInPermits { get; set; } = 30;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wrong passwords for one account before each further one makes the next attempt wait.</summary>
    [Range(0, 1_000)]
    public int FreeFailuresPerAccount { get; set; } = 5;

    /// <summary>Wrong passwords from one client address (any accounts) before the same waits apply to it.</summary>
    [Range(0, 100_000)]
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The first wait; each further failure doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A count of failures is forgotten after this long without a new one.</summary>
    public TimeSpan FailureMemory { get; set; } = TimeSpan.FromHours(24);
}
