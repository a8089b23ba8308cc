using Kizuna.Segments;
using Kizuna.Segments.Definitions;
using Kizuna.Server.Dashboard.Localization;
using Kizuna.Server.Dashboard.SegmentEditing;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Kizuna.Server.Dashboard.Pages;

/// <summary>
/// The segment builder: the visual editor and the text form of one tree, each following the other (the text only
/// when it parses), with the size the definition would have now, estimated a moment after the last change.
/// </summary>
public sealed partial class SegmentEditor : IDisposable
{
    // Long enough to skip the estimates of a word being typed, short enough to feel live.
    private static readonly TimeSpan EstimateDelay = TimeSpan.FromMilliseconds(350);

    [Parameter]
    public long? Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private SegmentService Segments { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;


    private static SegmentText S => SegmentText.Current;

    private long _workspaceId;
    private string _actor = "";
    private bool _canWrite;
    private bool _loaded;
    private bool _live;
    private Segment? _segment;
    private IReadOnlyList<Segment> _others = [];
    private string? _name;
    private string? _description;
    private Condition _root = ConditionTree.Root(null);
    private string _text = "";
    private IReadOnlyList<SegmentError> _syntax = [];
    private IReadOnlyList<SegmentError> _problems = [];
    private SegmentPreview? _preview;
    private bool _estimating;
    private bool _estimateFailed;
    private bool _saving;
    private string? _saveProblem;
    private int _refreshes;
    private CancellationTokenSource? _estimate;
    private readonly CancellationTokenSource _leaving = new();
    private bool _watching;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        _workspaceId = user.WorkspaceIdOf();
        _actor = user.Actor();
        _canWrite = user.HasScope(Scopes.SegmentsWrite);
        _others = [.. (await Segments.ListAsync(_workspaceId, includeArchived: false, CancellationToken.None)).Where(s => s.Id != Id)];
        _segment = Id is { } id ? await Segments.FindAsync(_workspaceId, id, CancellationToken.None) : null;
        _name = _segment?.Name;
        _description = _segment?.Description;
        Show(_segment is null ? null : SegmentJsonReader.Read(_segment.Definition).Condition);
        _loaded = true;
        if (_live)
        {
            Estimate();   // a saved new segment opens on its own address in the same live page
            Watch(null);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            // Estimates run on the live circuit only: the prerendered page is thrown away after it is sent.
            _live = true;
            Estimate();
            Watch(null);
            StateHasChanged();
        }
    }

    private void Show(Condition? definition)
    {
        _root = ConditionTree.Root(definition);
        _text = definition is null ? "" : SegmentDefinition.ToText(definition);
        _syntax = [];
    }

    private void TreeChanged(Condition root)
    {
        _root = root;
        _text = ConditionTree.Definition(root) is { } definition ? SegmentDefinition.ToText(definition) : "";
        _syntax = [];
        Estimate();
    }

    private void TextChanged(ChangeEventArgs e)
    {
        _text = e.Value as string ?? "";
        if (string.IsNullOrWhiteSpace(_text))
        {
            _root = ConditionTree.Root(null);
            _syntax = [];
        }
        else
        {
            // The tree follows the text whenever it parses; while it does not, the tree keeps its last shape.
            var (parsed, errors) = SegmentDefinition.ParseText(_text);
            _syntax = errors;
            if (parsed is not null && errors.Count == 0)
            {
                _root = ConditionTree.Root(parsed);
            }
        }

        Estimate();
    }

    private void LoadVersion(SegmentVersion version)
    {
        Show(SegmentJsonReader.Read(version.Definition).Condition);
        Estimate();
    }

    private void Estimate()
    {
        _estimate?.Cancel();
        _estimate?.Dispose();
        _estimate = new CancellationTokenSource();
        _ = EstimateAsync(_estimate.Token);
    }

    private async Task EstimateAsync(CancellationToken ct)
    {
        try
        {
            _estimating = true;
            await Task.Delay(EstimateDelay, Time, ct);
            if (_syntax.Count > 0 || ConditionTree.Definition(_root) is not { } definition)
            {
                (_problems, _preview) = (_syntax, null);
            }
            else
            {
                var json = SegmentDefinition.ToJson(definition);
                var check = await Segments.CheckAsync(_workspaceId, Id, json, null, ct);
                var preview = check.IsValid ? (await Segments.PreviewAsync(_workspaceId, json, null, 10, ct)).Preview : null;
                ct.ThrowIfCancellationRequested();
                (_problems, _preview) = (check.Problems, preview);
            }

            (_estimating, _estimateFailed) = (false, false);
        }
        catch (OperationCanceledException)
        {
            return;   // a newer change asked for its own estimate
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
        {
            (_estimating, _estimateFailed) = (false, true);
        }

        StateHasChanged();
    }

    private async Task SaveAsync()
    {
        if (!_canWrite || _saving)
        {
            return;
        }

        _saving = true;
        _saveProblem = null;
        var definition = ConditionTree.Definition(_root);
        var draft = new SegmentDraft(_name, string.IsNullOrWhiteSpace(_description) ? null : _description.Trim(),
            null, _syntax.Count > 0 || definition is null ? _text : SegmentDefinition.ToText(definition));
        var result = _segment is { } segment
            ? await Segments.UpdateAsync(_workspaceId, segment.Id, draft, segment.Version, _actor, CancellationToken.None)
            : await Segments.CreateAsync(_workspaceId, draft, _actor, CancellationToken.None);
        _saving = false;
        if (result.Segment is not { } saved)
        {
            _saveProblem = S.SaveRefused(result.Status, result.Problems);
            _problems = result.Problems ?? _problems;
            return;
        }

        Snackbar.Add(S.SavedVersion(saved.Version), Severity.Success);
        if (_segment is null)
        {
            Navigation.NavigateTo($"/segments/{saved.Id}");
            return;
        }

        _segment = saved;
        _refreshes++;
        Watch(null);
    }

    private async Task RecomputeAsync()
    {
        if (_segment is { } segment && _canWrite && await Segments.RecomputeAsync(_workspaceId, segment.Id, CancellationToken.None) is not null)
        {
            Snackbar.Add(S.RecomputeQueued, Severity.Info);
            Watch(segment.ComputedAt);
        }
    }

    /// <summary>
    /// While the members are being computed (after a save, or a recompute that started after <paramref name="computedBefore"/>),
    /// reads the segment every second and shows its members once they are done.
    /// </summary>
    private void Watch(DateTimeOffset? computedBefore)
    {
        if (_watching || _segment is not { Status: SegmentStatus.Active } segment || (computedBefore is null && !IsComputing(segment)))
        {
            return;
        }

        _watching = true;
        _ = WatchAsync(segment.Id, computedBefore, _leaving.Token);
    }

    private static bool IsComputing(Segment segment) => segment.ComputedAt is not { } computed || computed < segment.UpdatedAt;

    private async Task WatchAsync(long id, DateTimeOffset? computedBefore, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Time);
        try
        {
            for (var tick = 0; tick < 300 && await timer.WaitForNextTickAsync(ct); tick++)
            {
                if (await Segments.FindAsync(_workspaceId, id, ct) is not { } segment || segment.Id != _segment?.Id)
                {
                    break;
                }

                if (!IsComputing(segment) && (computedBefore is null || segment.ComputedAt > computedBefore))
                {
                    _segment = segment;
                    _refreshes++;
                    StateHasChanged();
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
        finally
        {
            _watching = false;
        }
    }

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
        _estimate?.Cancel();
        _estimate?.Dispose();
    }
}
