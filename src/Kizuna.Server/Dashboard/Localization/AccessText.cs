using System.Globalization;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// The labels of who may do what: the users page, invitations, sign-in limits. One instance per language;
/// <c>required</c> makes the compiler refuse a language that misses one.
/// </summary>
public sealed partial record AccessText
{
    public static AccessText Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? Ja : En;

    public string RoleName(Kizuna.Workspaces.Role role) => role switch
    {
        Kizuna.Workspaces.Role.Admin => RoleAdmin,
        Kizuna.Workspaces.Role.Marketer => RoleMarketer,
        Kizuna.Workspaces.Role.Agent => RoleAgent,
        _ => RoleViewer,
    };

    public required string Users { get; init; }

    public required string Members { get; init; }

    public required string Role { get; init; }

    public required string RoleAdmin { get; init; }

    public required string RoleMarketer { get; init; }

    public required string RoleAgent { get; init; }

    public required string RoleViewer { get; init; }

    public required string You { get; init; }

    public required string Remove { get; init; }

    public required string RemoveConfirm { get; init; }

    public required string Cancel { get; init; }

    public required string InviteTitle { get; init; }

    public required string Invite { get; init; }

    public required string InvalidEmail { get; init; }

    /// <summary>{0}: when the link expires.</summary>
    public required string InvitationLink { get; init; }

    public required string LinkNotSent { get; init; }

    public required string PendingInvitations { get; init; }

    public required string NoPendingInvitations { get; init; }

    public required string Expires { get; init; }

    public required string Revoke { get; init; }

    public required string AcceptTitle { get; init; }

    /// <summary>{0}: the invited email, {1}: the workspace, {2}: the role.</summary>
    public required string InvitedTo { get; init; }

    public required string Accept { get; init; }

    public required string HaveAccount { get; init; }

    public required string NewAccount { get; init; }

    public required string NewPassword { get; init; }

    public required string SignedInAsOther { get; init; }

    public required string InvitationInvalid { get; init; }

    public required string AccountExists { get; init; }

    public required string PasswordTooShort { get; init; }

    /// <summary>{0}: seconds to wait.</summary>
    public required string TooManyAttempts { get; init; }

    public required string BackToSignIn { get; init; }
}
