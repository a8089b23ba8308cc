namespace Kizuna.Messaging.Channels.InApp;

/// <summary>In-app settings (<c>Messaging:InApp:*</c>).</summary>
public sealed class InAppOptions
{
    public const string Section = "Messaging:InApp";

    /// <summary>
    /// How often a live stream looks for items delivered by another node; a delivery on its own node wakes it at once.
    /// With one node (SQLite) it only bounds how late a missed wake-up can be.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an idle stream sends a comment line, so proxies keep the connection open.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(20);
}
