namespace Kizuna.Messaging.Channels.Webhook;

/// <summary>Outgoing webhooks (<c>Messaging:Webhook:*</c>): the signing secret, the time a receiver has, and who may reach private networks.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Messaging:Webhook";

    /// <summary>The Standard Webhooks signing secret: <c>whsec_</c> and the Base64 of 24 to 64 random bytes.</summary>
    public string? Secret { get; set; }

    /// <summary>How long a receiver has to answer; past it the try is transient and retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>Let every workspace's webhooks reach loopback and private networks (on-premises receivers, tests).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The workspaces whose webhooks may reach loopback and private networks, when not all may.</summary>
    public List<long> PrivateNetworkWorkspaces { get; set; } = [];

    /// <summary>Answer every request inside the server and keep it for reading (the demo); signed with a demo secret when none is set.</summary>
    public bool UseCatcher { get; set; }

    public bool MayReachPrivateNetworks(long workspaceId) => AllowPrivateNetworks || PrivateNetworkWorkspaces.Contains(workspaceId);
}
