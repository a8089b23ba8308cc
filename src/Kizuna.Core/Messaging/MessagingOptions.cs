using System.ComponentModel.DataAnnotations;

namespace Kizuna.Messaging;

/// <summary>Messaging settings (<c>Messaging:*</c>); the email channel has its own (<c>Messaging:Email:*</c>).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Where customers reach this server: the base of unsubscribe, preferences and web-view links.</summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>Messages claimed and sent together; at most one such batch is in doubt after a crash.</summary>
    [Range(1, 2000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Messages of a batch marked <c>sending</c> and handed to the channel together: the next part renders while one
    /// is on the wire, and at most one part is in doubt after a crash. The batch size (or more) sends a batch at once.
    /// </summary>
    [Range(1, 2000)]
    public int SendPartSize { get; set; } = 100;

    /// <summary>Tries before a message that keeps failing transiently is dead.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;
}
