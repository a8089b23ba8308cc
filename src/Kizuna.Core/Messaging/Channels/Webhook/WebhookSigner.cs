using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kizuna.Messaging.Channels.Webhook;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature: v1,{Base64 of HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}"}</c>,
/// keyed by the secret's bytes (the Base64 after <c>whsec_</c>). A few lines of the BCL's HMAC rather than the
/// StandardWebhooks package, whose verifier the tests' receiver uses to check these signatures independently.
/// </summary>
public sealed class WebhookSigner(byte[] key)
{
    public const string SecretPrefix = "whsec_";

    /// <summary>The signer of a <c>whsec_…</c> secret, or null with the reason when it is not one.</summary>
    public static WebhookSigner? FromSecret(string? secret, out string? problem)
    {
        problem = null;
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            problem = $"The secret starts with '{SecretPrefix}'.";
            return null;
        }

        try
        {
            var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
            if (key.Length is >= 24 and <= 64)
            {
                return new WebhookSigner(key);
            }

            problem = "The secret holds 24 to 64 bytes.";
        }
        catch (FormatException)
        {
            problem = "The secret after 'whsec_' is Base64.";
        }

        return null;
    }

    public string Sign(string id, DateTimeOffset timestamp, string body)
    {
        var content = $"{id}.{timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{body}";
        return $"v1,{Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(content)))}";
    }
}
