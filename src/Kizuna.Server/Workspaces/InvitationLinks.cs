using System.Globalization;
using System.Security.Cryptography;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.DataProtection;

namespace Kizuna.Server.Workspaces;

/// <summary>
/// The token of an invitation link: the invitation's id, its secret and its expiry, signed and encrypted with the
/// deployment's Data Protection keys (shared by every node). A token that was altered, or whose expiry has passed
/// by <see cref="TimeProvider"/>, is refused before the database is asked; the database then holds it to one use.
/// </summary>
public sealed class InvitationLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public const string AcceptPath = "/invitations/accept";

    private readonly IDataProtector _protector = protection.CreateProtector("Kizuna.Invitations.v1");

    public string Token(CreatedInvitation created) => _protector.Protect(string.Create(CultureInfo.InvariantCulture,
        $"{created.Invitation.Id}:{created.Secret}:{created.Invitation.ExpiresAt.ToUnixTimeMilliseconds()}"));

    /// <summary>The site-relative link for a token.</summary>
    public static string PathFor(string token) => $"{AcceptPath}?token={Uri.EscapeDataString(token)}";

    /// <summary>The invitation id and secret a token carries, or null when it is forged, damaged or expired.</summary>
    public (long Id, string Secret)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2_000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        return payload.Split(':') is [var id, var secret, var expires]
            && long.TryParse(id, CultureInfo.InvariantCulture, out var invitationId)
            && long.TryParse(expires, CultureInfo.InvariantCulture, out var expiresAt)
            && time.GetUtcNow().ToUnixTimeMilliseconds() < expiresAt
                ? (invitationId, secret)
                : null;
    }
}
