using System.Globalization;
using System.Security.Claims;
using Kizuna.Messaging;
using Kizuna.Messaging.Previews;
using Kizuna.Profiles;
using Kizuna.Server.Dashboard.Localization;
using Kizuna.Server.Dashboard.Messaging;
using Kizuna.Server.Security;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kizuna.Server.Dashboard.Pages.Messaging;

/// <summary>
/// The template editor: every field of the chosen channel, a live preview for a chosen customer as that channel shows
/// it (with each problem's line and column), saving a new version, and a test send of the saved version.
/// </summary>
public sealed partial class MessageTemplateEditor
{
    private static readonly MessageChannel[] Channels = [MessageChannel.Email, MessageChannel.Sms, MessageChannel.Push, MessageChannel.Webhook];

    [Parameter]
    public long? Id { get; set; }

    [SupplyParameterFromQuery(Name = "channel")]
    public string? ChannelQuery { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TemplateStore Store { get; set; } = default!;

    [Inject]
    private TemplateLibrary Library { get; set; } = default!;

    [Inject]
    private MessagePreviewer Previewer { get; set; } = default!;

    [Inject]
    private ProfileService Profiles { get; set; } = default!;

    [Inject]
    private MessageService Messages { get; set; } = default!;

    [Inject]
    private MudBlazor.ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private static MessagingText M => MessagingText.Current;

    private TemplateForm _form = new();
    private ClaimsPrincipal _user = new();
    private MessagePreview? _preview;
    private int _previewsAsked;
    private int _version;
    private bool _notFound, _canWrite, _canSend, _live, _previewUserMissing;
    private string? _saveError, _previewUser, _testUser, _testEmail, _testPhone, _testResult;
    private long? _previewProfileId, _testMessageId;

    private string BodyLabel => _form.Channel switch
    {
        MessageChannel.Email => M.Html,
        MessageChannel.Sms => M.SmsBody,
        MessageChannel.Push => M.PushBody,
        _ => M.JsonBody,
    };

    protected override async Task OnParametersSetAsync()
    {
        _user = (await AuthenticationState).User;
        _canWrite = _user.HasScope(Scopes.TemplatesWrite);
        _canSend = _user.HasScope(Scopes.MessagesSend);
        if (Id is { } id)
        {
            if (await Store.FindAsync(_user.WorkspaceIdOf(), id, null, CancellationToken.None) is not { Kind: TemplateKind.Template } stored)
            {
                _notFound = true;
                return;
            }

            _form = TemplateForm.From(stored);
            _version = stored.Version;
        }
        else
        {
            _form = new TemplateForm { Channel = MessageChannels.TryParse(ChannelQuery, out var c) && Channels.Contains(c) ? c : MessageChannel.Email };
        }

        await RefreshAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            // Inputs work on the live circuit only: the prerendered page is thrown away after it is sent.
            _live = true;
            StateHasChanged();
        }
    }

    private async Task ChangedAsync(Action change)
    {
        change();
        await RefreshAsync();
    }

    private Task ChannelChangedAsync(MessageChannel channel) => ChangedAsync(() => _form.Channel = channel);

    private async Task PreviewUserChangedAsync(string? userId)
    {
        _previewUser = userId;
        _previewProfileId = null;
        _previewUserMissing = false;
        if (!string.IsNullOrWhiteSpace(userId))
        {
            var found = await Profiles.FindAsync(_user.WorkspaceIdOf(), new ProfileLookup(ProfileLookupKind.UserId, userId.Trim()), CancellationToken.None);
            _previewProfileId = found?.Profile.Id;
            _previewUserMissing = found is null;
        }

        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        // Each keystroke starts a preview; one started earlier may finish later and must not replace the newer one.
        var asked = ++_previewsAsked;
        var preview = await Previewer.PreviewAsync(_user.WorkspaceIdOf(), _form.Content(), _previewProfileId, CancellationToken.None);
        if (asked == _previewsAsked)
        {
            _preview = preview;
        }
    }

    private async Task SaveAsync()
    {
        _saveError = null;
        await RefreshAsync();   // the problems of what is in the form now, not of a preview still on its way
        if (_preview is { Problems: [var first, ..] })
        {
            _saveError = M.Problem(first.Field, first.Message);
            return;
        }

        var author = _user.UserIdOf() is { } userId ? $"user:{userId}" : "unknown";
        var result = Id is { } id
            ? await Library.SaveVersionAsync(_user.WorkspaceIdOf(), id, _form.Draft(), _version, author, CancellationToken.None)
            : await Library.CreateAsync(_user.WorkspaceIdOf(), TemplateKind.Template, _form.Name, _form.Draft(), author, CancellationToken.None);
        if (result.Template is not { } saved)
        {
            _saveError = M.Problem(result.Field ?? "body", result.Errors is [var e, ..] ? $"{e.Message} ({M.Where(e.Line, e.Column)})" : result.Message ?? "");
            return;
        }

        _version = saved.Version;
        if (Id is null)
        {
            Navigation.NavigateTo($"/messaging/templates/{saved.Id.ToString(CultureInfo.InvariantCulture)}");
        }
        else
        {
            Snackbar.Add(M.Saved, MudBlazor.Severity.Success);
        }
    }

    private async Task TestSendAsync()
    {
        _testMessageId = null;
        var user = Blank(_testUser);
        var email = Blank(_testEmail);
        ProfileLookup? to = user is not null ? new ProfileLookup(ProfileLookupKind.UserId, user)
            : email is not null ? new ProfileLookup(ProfileLookupKind.Email, email)
            : null;
        if (to is null || Id is not { } id)
        {
            _testResult = M.TestNeedsRecipient;
            return;
        }

        var result = await Messages.SendAsync(_user.WorkspaceIdOf(), new TransactionalSend(
            id, to, user is null ? null : email, Phone: Blank(_testPhone), Version: _version, Source: MessageSources.Test), CancellationToken.None);
        _testMessageId = result.Message?.Id;
        _testResult = result.Message is { } message ? M.Queued(message.Id) : M.Problem(result.Field ?? "to", result.Error ?? "");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Dictionary<string, object?> Attr(string id) => new() { ["id"] = id };
}
