using Kizuna.Messaging.Channels.Sms;
using MimeKit;

namespace Kizuna.Messaging.Suppressions;

/// <summary>
/// Addresses as the list keeps them, so the form a message carries and the form an operator types match: email
/// trimmed and in lower case, phone numbers in E.164 (read in the SMS default region when written without a country code).
/// </summary>
public static class SuppressionAddresses
{
    /// <summary>The channels the list covers: the ones that send to an address the customer gave.</summary>
    public static bool Covers(MessageChannel channel) => channel is MessageChannel.Email or MessageChannel.Sms;

    /// <summary>
    /// A queued message's address in its listed form: it was checked when the message was queued, so an email's case
    /// is all that may differ, and a phone number is E.164 already.
    /// </summary>
    public static string OfMessage(MessageChannel channel, string recipient) =>
        channel == MessageChannel.Email ? Profiles.Suppression.NormaliseEmail(recipient) : recipient;

    /// <summary>The listed form of <paramref name="raw"/>, or null with <paramref name="error"/> saying why it is no address.</summary>
    public static string? Normalise(MessageChannel channel, string? raw, string defaultRegion, out string? error)
    {
        error = null;
        switch (channel)
        {
            case MessageChannel.Email:
                var trimmed = raw?.Trim();
                if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 320 || !MailboxAddress.TryParse(trimmed, out var mailbox)
                    || mailbox.Address != trimmed || !trimmed.Contains('@', StringComparison.Ordinal))
                {
                    error = "This is not an email address.";
                    return null;
                }

                return trimmed.ToLowerInvariant();
            case MessageChannel.Sms:
                return E164.Normalise(raw, defaultRegion, out error);
            default:
                error = "The suppression list covers the email and sms channels.";
                return null;
        }
    }
}
