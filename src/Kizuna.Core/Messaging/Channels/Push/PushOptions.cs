namespace Kizuna.Messaging.Channels.Push;

/// <summary>
/// Mobile push (<c>Messaging:Push:*</c>) in FCM's HTTP v1 shape: the endpoint, the project, and the service account
/// whose key signs the OAuth2 assertion exchanged for an access token.
/// </summary>
public sealed class PushOptions
{
    public const string Section = "Messaging:Push";

    /// <summary>Messages are posted to <c>{Endpoint}/v1/projects/{ProjectId}/messages:send</c>.</summary>
    public string Endpoint { get; set; } = "https://fcm.googleapis.com";

    /// <summary>The Firebase project; the service account's <c>project_id</c> when empty.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The service account's JSON key file (Firebase console → Project settings → Service accounts).</summary>
    public string? ServiceAccountPath { get; set; }

    /// <summary>The service account's JSON key as text (instead of a file).</summary>
    public string? ServiceAccountJson { get; set; }

    /// <summary>Where the signed assertion is exchanged for a token; the service account's <c>token_uri</c> when empty.</summary>
    public string? TokenUri { get; set; }

    public int Concurrency { get; set; } = 8;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Answer every request inside the server and keep it for reading (the demo); no service account is needed.</summary>
    public bool UseCatcher { get; set; }
}
