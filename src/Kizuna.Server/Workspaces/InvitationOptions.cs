using System.ComponentModel.DataAnnotations;

namespace Kizuna.Server.Workspaces;

/// <summary>Invitations to a workspace (section <c>Invitations</c>).</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long an invitation link can be accepted.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}
