using System.Security.Claims;
using Kizuna.Campaigns;
using Kizuna.Segments;
using Kizuna.Server.Dashboard.Campaigns;
using Kizuna.Server.Dashboard.Localization;
using Kizuna.Server.Security;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kizuna.Server.Dashboard.Pages.Campaigns;

/// <summary>
/// The campaign editor: a new campaign or a saved one, its audience with the size it would have now, its content per
/// variant, schedule and goal, and the actions its state and the user's scopes allow. Calls the campaign service as
/// the API does, so the editor refuses what the API refuses, naming the field.
/// </summary>
public sealed partial class CampaignEditor
{
    [Parameter]
    public long? Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CampaignService Campaigns { get; set; } = default!;

    [Inject]
    private SegmentService Segments { get; set; } = default!;

    [Inject]
    private TemplateStore Templates { get; set; } = default!;

    [Inject]
    private DashboardTimeZone Zone { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private static CampaignText C => CampaignText.Current;

    private CampaignForm _form = new();
    private Campaign? _campaign;
    private ClaimsPrincipal _user = new();
    private IReadOnlyList<Segment> _segments = [];
    private IReadOnlyList<TemplateSummary> _templates = [];
    private AudienceSize? _size;
    private string? _problem, _done;
    private bool _notFound, _canWrite, _live, _estimating;

    private long WorkspaceId => _user.WorkspaceIdOf();

    private bool Editable => _canWrite && (_campaign is null || CampaignStates.IsEditable(_campaign.State));

    protected override async Task OnParametersSetAsync()
    {
        _user = (await AuthenticationState).User;
        _canWrite = _user.HasScope(Scopes.CampaignsWrite);
        _segments = await Segments.ListAsync(WorkspaceId, false, CancellationToken.None);
        _templates = await Templates.ListAsync(WorkspaceId, TemplateKind.Template, CancellationToken.None);
        if (Id is { } id)
        {
            _campaign = await Campaigns.FindAsync(WorkspaceId, id, CancellationToken.None);
            _notFound = _campaign is null;
            _form = _campaign is null ? new() : CampaignForms.From(_campaign, Zone.Zone);
        }

        await EstimateAsync();
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

    /// <summary>The audience as the campaign would split it now; the schedule and goal do not change who is in it.</summary>
    private async Task EstimateAsync()
    {
        // A refusal speaks of the form as it was saved; once the form changes it no longer applies.
        _problem = null;
        if (!_form.Segments.ContainsValue(true))
        {
            _size = null;
            return;
        }

        _estimating = true;
        var d = _form.Read(Zone.Zone).Draft?.Definition;
        var definition = new CampaignDefinition(
            _form.Channel, d?.Variants ?? [], _form.Audience, new CampaignSchedule(ScheduleKind.Now), _form.ControlPercent, Test: d?.Test);
        _size = await Campaigns.SizeAsync(WorkspaceId, definition, CancellationToken.None);
        _estimating = false;
    }

    private async Task SaveAsync()
    {
        if (await SavedAsync() is { } campaign && Id is null)
        {
            Navigation.NavigateTo($"/campaigns/{campaign.Id}");
        }
    }

    /// <summary>Saves the form when it can still change; the campaign as saved, or null with the problem shown.</summary>
    private async Task<Campaign?> SavedAsync()
    {
        (_problem, _done) = (null, null);
        if (_campaign is { } existing && !CampaignStates.IsEditable(existing.State))
        {
            return existing;
        }

        var read = _form.Read(Zone.Zone);
        if (read.Draft is not { } draft)
        {
            _problem = C.Invalid(read.Field!, read.Error!);
            return null;
        }

        var author = _user.Actor();
        var result = _campaign is null
            ? await Campaigns.CreateAsync(WorkspaceId, draft, author, CancellationToken.None)
            : await Campaigns.UpdateAsync(WorkspaceId, _campaign.Id, draft, CancellationToken.None);
        return Show(result) ? _campaign : null;
    }

    private async Task LaunchAsync()
    {
        if (await SavedAsync() is { } campaign && Show(await Campaigns.LaunchAsync(WorkspaceId, campaign.Id, CancellationToken.None)) && Id is null)
        {
            Navigation.NavigateTo($"/campaigns/{campaign.Id}");
        }
    }

    private async Task ChangeAsync(Func<long, long, CancellationToken, Task<CampaignResult>> change) =>
        Show(await change(WorkspaceId, _campaign!.Id, CancellationToken.None));

    /// <summary>Shows the outcome of a change: the campaign's new state, or the field and reason it was refused.</summary>
    private bool Show(CampaignResult result)
    {
        if (result.Status == CampaignResultStatus.Done)
        {
            _campaign = result.Campaign!;
            _done = C.DoneIn(_campaign.State);
            return true;
        }

        _problem = result.Status == CampaignResultStatus.NotFound ? C.NotFound : C.Invalid(result.Field ?? "state", result.Error ?? "");
        return false;
    }

    private static Dictionary<string, object?> Attr(string id) => new() { ["id"] = id };
}
