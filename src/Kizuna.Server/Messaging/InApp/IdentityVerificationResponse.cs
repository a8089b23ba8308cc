using Kizuna.Messaging.Channels.InApp;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>
/// The identity-verification secret and how to use it: a customer's server computes
/// <c>hex(HMAC-SHA256(secret, userId))</c> and gives it to its page as the user hash. After a rotation, hashes made
/// with the replaced secret are accepted until <see cref="PreviousValidUntil"/> (null: not at all).
/// </summary>
public sealed record IdentityVerificationResponse(string Secret, string Algorithm, string Encoding, DateTimeOffset? PreviousValidUntil)
{
    public static IdentityVerificationResponse Of(IdentitySecret secret, DateTimeOffset now) =>
        new(secret.Secret, "HMAC-SHA256", "hex", secret.PreviousValidUntil > now ? secret.PreviousValidUntil : null);
}
