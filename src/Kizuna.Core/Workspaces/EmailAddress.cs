using System.Net.Mail;

namespace Kizuna.Workspaces;

/// <summary>What is taken as a person's email address, wherever one is entered (an invitation by API or dashboard).</summary>
public static class EmailAddress
{
    /// <summary>The longest address SMTP carries (RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// An address as written, already trimmed: one mailbox, no display name or other text that .NET would read past.
    /// </summary>
    public static bool IsValid(string? email) =>
        email is { Length: > 0 and <= MaxLength } && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;
}
