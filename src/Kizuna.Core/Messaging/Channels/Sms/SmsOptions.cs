namespace Kizuna.Messaging.Channels.Sms;

/// <summary>
/// The SMS channel (<c>Messaging:Sms:*</c>): a provider speaking Twilio's Messages REST API at <see cref="BaseUrl"/>,
/// the account to send as, and the region numbers without a country code are read in.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Messaging:Sms";

    /// <summary>The provider's API root; messages are posted to <c>{BaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>.</summary>
    public string BaseUrl { get; set; } = "https://api.twilio.com";

    public string? AccountSid { get; set; }

    /// <summary>The account's secret: HTTP Basic password of every request, and the key delivery receipts are signed with.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The sender: a number in E.164 or an alphanumeric sender id.</summary>
    public string? From { get; set; }

    /// <summary>A messaging service to send through instead of <see cref="From"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>The region (ISO 3166 two letters) a phone number without a country code belongs to.</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Ask the provider for delivery receipts at <c>{Messaging:PublicUrl}/hooks/sms/status</c>.</summary>
    public bool DeliveryReceipts { get; set; } = true;

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; set; } = 8;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Answer every request inside the server and keep it for reading (the demo).</summary>
    public bool UseCatcher { get; set; }

    public bool Configured => UseCatcher || (!string.IsNullOrEmpty(AccountSid) && !string.IsNullOrEmpty(AuthToken));
}
