using System.Security.Claims;
using Kizuna.Server.Dashboard.Localization;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kizuna.Server.Dashboard.Pages;

/// <summary>
/// The members of the workspace and its pending invitations. Every action follows the API's rule: only roles whose
/// scopes the signed-in user holds can be offered, revoked or removed, and the last admin stays.
/// </summary>
public sealed partial class Users
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ClaimsPrincipal _user = new();
    private IReadOnlySet<string> _scopes = new HashSet<string>();
    private IReadOnlyList<Role> _grantable = [];
    private IReadOnlyList<Member> _members = [];
    private IReadOnlyList<Invitation> _pending = [];
    private long _workspaceId;
    private long? _userId;
    private string _email = "";
    private Role _role = Role.Viewer;
    private bool _emailError;
    private string? _link;
    private DateTimeOffset? _linkExpires;

    private static DashboardText T => DashboardText.Current;

    private static AccessText A => AccessText.Current;

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        _scopes = _user.ScopesOf();
        _grantable = RoleGrants.Grantable(_scopes);
        _role = _grantable.Count > 0 ? _grantable[^1] : Role.Viewer;
        _workspaceId = _user.WorkspaceIdOf();
        _userId = _user.UserIdOf();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _members = await Workspaces.MembersAsync(_workspaceId, CancellationToken.None);
        _pending = await Invitations.ListPendingAsync(_workspaceId, CancellationToken.None);
    }

    private bool MayRemove(Member member) =>
        RoleGrants.MayGrant(_scopes, member.Role) && !member.IsLastAdminOf(_members);

    private async Task InviteAsync()
    {
        var email = _email.Trim();
        _emailError = !EmailAddress.IsValid(email);
        if (_emailError || !RoleGrants.MayGrant(_scopes, _role))
        {
            return;
        }

        var created = await Invitations.CreateAsync(_workspaceId, email, _role, _user.Actor(), Options.Value.Lifetime, CancellationToken.None);
        _link = Navigation.BaseUri.TrimEnd('/') + Kizuna.Server.Workspaces.InvitationLinks.PathFor(Links.Token(created));
        _linkExpires = created.Invitation.ExpiresAt;
        _email = "";
        await LoadAsync();
    }

    private async Task RevokeAsync(Invitation invitation)
    {
        if (RoleGrants.MayGrant(_scopes, invitation.Role))
        {
            await Invitations.RevokeAsync(_workspaceId, invitation.Id, CancellationToken.None);
        }

        await LoadAsync();
    }

    private async Task RemoveAsync(Member member)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(A.Remove, string.Format(System.Globalization.CultureInfo.CurrentCulture, A.RemoveConfirm, member.User.Name),
            yesText: A.Remove, cancelText: A.Cancel);
        if (confirmed == true && MayRemove(member))
        {
            await Workspaces.RemoveMemberAsync(_workspaceId, member.User.Id, CancellationToken.None);
        }

        await LoadAsync();
    }
}
