namespace Kizuna.Messaging.Suppressions;

/// <summary>Why an address is on the suppression list.</summary>
public static class SuppressionReasons
{
    /// <summary>The receiving server refused the address for good (a 5xx reply to the recipient or the message).</summary>
    public const string Bounce = "bounce";

    /// <summary>The recipient marked a message as spam (a provider's feedback loop).</summary>
    public const string Complaint = "complaint";

    /// <summary>An operator listed the address.</summary>
    public const string Manual = "manual";

    public static IReadOnlyList<string> All { get; } = [Bounce, Complaint, Manual];

    public static bool IsKnown(string? reason) => reason is not null && All.Contains(reason, StringComparer.Ordinal);
}
