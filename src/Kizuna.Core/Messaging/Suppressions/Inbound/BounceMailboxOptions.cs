namespace Kizuna.Messaging.Suppressions.Inbound;

/// <summary>
/// The bounce mailbox (<c>Messaging:BounceMailbox:*</c>): an SMTP listener for the delivery reports and spam
/// complaints receiving servers send back after accepting a message. Point the MX of your return-path domain (or your
/// MTA's bounce forwarding) at it. Off unless <see cref="Enabled"/>.
/// </summary>
public sealed class BounceMailboxOptions
{
    public const string Section = "Messaging:BounceMailbox";

    public bool Enabled { get; set; }

    /// <summary>The port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; } = 2526;

    /// <summary>The address to listen on: loopback behind an MTA that forwards bounces, <c>0.0.0.0</c> to receive them directly.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The largest report taken; a DSN quoting a whole message can carry it.</summary>
    public int MaxMessageBytes { get; set; } = 1_048_576;
}
