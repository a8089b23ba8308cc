namespace Kizuna.Server.Messaging.InApp;

/// <summary>
/// The identity-verification secret and how to use it: a customer's server computes
/// <c>hex(HMAC-SHA256(secret, userId))</c> and gives it to its page as the user hash.
/// </summary>
public sealed record IdentityVerificationResponse(string Secret, string Algorithm, string Encoding)
{
    public static IdentityVerificationResponse Of(string secret) => new(secret, "HMAC-SHA256", "hex");
}
