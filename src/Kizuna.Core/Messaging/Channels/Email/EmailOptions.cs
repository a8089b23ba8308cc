namespace Kizuna.Messaging.Channels.Email;

/// <summary>The email channel (<c>Messaging:Email:*</c>): the SMTP server to hand messages to, and how they are signed.</summary>
public sealed class EmailOptions
{
    public const string Section = "Messaging:Email";

    /// <summary>The SMTP server (a relay or a provider's submission host).</summary>
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTlsWhenAvailable;

    /// <summary>The account to authenticate with; no authentication when empty.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Connections kept open and used at once.</summary>
    public int PoolSize { get; set; } = 4;

    /// <summary>How long one SMTP command may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The From address of every message.</summary>
    public string FromAddress { get; set; } = "noreply@localhost";

    public string? FromName { get; set; }

    /// <summary>The domain of generated Message-IDs; the From address's when empty.</summary>
    public string? MessageIdDomain { get; set; }

    public DkimOptions Dkim { get; set; } = new();

    /// <summary>Deliver to the SMTP catcher inside the server instead (the demo): Host and Port are the catcher's.</summary>
    public bool UseCatcher { get; set; }

    /// <summary>The port the catcher listens on (loopback); 0 picks a free one.</summary>
    public int CatcherPort { get; set; } = 2525;

    /// <summary>Messages the catcher keeps (the oldest go first).</summary>
    public int CatcherCapacity { get; set; } = 1000;

    public string IdDomain => string.IsNullOrWhiteSpace(MessageIdDomain) ? FromAddress[(FromAddress.LastIndexOf('@') + 1)..] : MessageIdDomain;
}
