using System.Globalization;
using Kizuna.Journeys;
using Kizuna.Journeys.Library;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Segments;
using Kizuna.Server.Dashboard.Journeys;
using Kizuna.Server.Dashboard.Localization;
using Kizuna.Server.Security;
using Kizuna.Templates.Store;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kizuna.Server.Dashboard.Pages.Journeys;

/// <summary>
/// The journey editor: entry and exit settings above, the graph on Z.Blazor.Diagrams (nodes added from the palette,
/// connected by dragging from an output or in the side panel), the selected node's settings beside it. Validation
/// and saving go through <see cref="JourneyService"/>, the same checks as the API; every save is a new version.
/// </summary>
public sealed partial class JourneyEditor
{
    private static readonly string[] ReEntryModes = [ReEntryRule.AfterExit, ReEntryRule.Never, ReEntryRule.Always];

    private static readonly string[] EntryKinds = [JourneyEntryRule.OnEvent, JourneyEntryRule.OnSegmentEntered, JourneyEntryRule.OnSegmentLeft, JourneyEntryRule.OnApi, JourneyEntryRule.OnAudience];

    private Journey? _journey;
    private JourneyDefinition? _loaded;
    private JourneyReferenceNames? _names;
    private List<JourneyNodeDraft> _nodes = [];
    private JourneyNodeDraft? _selected;
    private IReadOnlyList<JourneyError> _errors = [];
    private string? _name, _entryKind = JourneyEntryRule.OnEvent, _entryEvent, _entryWhere, _start;
    private string? _templateKey, _problem, _saved;
    private long? _entrySegment, _audienceInclude, _audienceExclude;
    private string? _scheduleMode = "once", _scheduleAt, _scheduleCron, _scheduleZone;
    private long _workspaceId;
    private int _revision;
    private bool _notFound, _live, _validated;

    [Parameter]
    public long? Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private JourneyStore Store { get; set; } = default!;

    [Inject]
    private JourneyService Service { get; set; } = default!;

    [Inject]
    private JourneyLibrary Library { get; set; } = default!;

    [Inject]
    private TemplateStore Templates { get; set; } = default!;

    [Inject]
    private SegmentStore Segments { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private static JourneyText J => JourneyText.Current;

    private IReadOnlySet<string> Problems => _errors.Select(e => e.Node).OfType<string>().ToHashSet(StringComparer.Ordinal);

    protected override async Task OnParametersSetAsync()
    {
        _workspaceId = (await AuthenticationState).User.WorkspaceIdOf();
        _names = await JourneyReferenceNames.LoadAsync(Templates, Segments, _workspaceId, CancellationToken.None);
        if (Id is not { } id)
        {
            Load(null, new JourneyDefinition(new JourneyEntryRule(JourneyEntryRule.OnEvent), []));
            return;
        }

        _journey = await Store.FindAsync(_workspaceId, id, CancellationToken.None);
        _notFound = _journey is null;
        if (_journey is not null && await Store.VersionAsync(_workspaceId, id, _journey.Version, CancellationToken.None) is { } version)
        {
            Load(_journey.Name, version.Definition);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            // Buttons and the map work on the live circuit only: the prerendered page is thrown away after it is sent.
            _live = true;
            StateHasChanged();
        }
    }

    private void Load(string? name, JourneyDefinition definition)
    {
        _loaded = definition;
        _name = name;
        _entryKind = definition.Entry.Kind;
        _entryEvent = definition.Entry.Event;
        _entryWhere = definition.Entry.Where;
        _entrySegment = definition.Entry.SegmentId;
        LoadAudience(definition.Entry);
        LoadRules(definition);
        _nodes = [.. definition.Nodes.Select(JourneyNodeDraft.From)];
        _start = definition.StartNode;
        _selected = null;
        _revision++;
    }

    /// <summary>The definition as the page shows it; an audience's further segments, which the page does not show, are kept from the loaded version.</summary>
    private JourneyDefinition Definition()
    {
        var loaded = _loaded ?? new JourneyDefinition(new JourneyEntryRule(JourneyEntryRule.OnEvent), []);
        var segmentEntry = _entryKind is JourneyEntryRule.OnSegmentEntered or JourneyEntryRule.OnSegmentLeft;
        var audience = _entryKind == JourneyEntryRule.OnAudience;
        return WithRules(loaded with
        {
            Entry = new JourneyEntryRule(_entryKind ?? JourneyEntryRule.OnEvent,
                _entryKind == JourneyEntryRule.OnEvent ? Blank(_entryEvent) : null,
                _entryKind == JourneyEntryRule.OnEvent ? Blank(_entryWhere) : null,
                segmentEntry ? _entrySegment : null)
            {
                Segments = audience ? Ids(_audienceInclude, loaded.Entry.Segments) : null,
                ExcludeSegments = audience ? Ids(_audienceExclude, loaded.Entry.ExcludeSegments) : null,
                Schedule = audience ? Schedule() : null,
            },
            Start = Blank(_start),
            Nodes = [.. _nodes.Select(n => n.ToNode())],
        });
    }

    private async Task ValidateAsync()
    {
        _saved = _problem = null;
        _errors = await Service.ValidateAsync(_workspaceId, _name, Definition(), CancellationToken.None);
        _validated = true;
    }

    private async Task SaveAsync()
    {
        _saved = _problem = null;
        var user = (await AuthenticationState).User;
        var definition = Definition();
        var result = _journey is null
            ? await Service.CreateAsync(_workspaceId, _name ?? "", definition, user.Actor(), CancellationToken.None)
            : await Service.UpdateAsync(_workspaceId, _journey.Id, _name ?? "", definition, user.Actor(), CancellationToken.None);
        _errors = result.Errors;
        _validated = true;
        _problem = result.NotFound ? J.NotFound : result.Conflict;
        if (result.Journey is { } saved)
        {
            Navigation.NavigateTo($"/journeys/{saved.Id.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private async Task StartFromTemplateAsync()
    {
        if (string.IsNullOrEmpty(_templateKey))
        {
            return;
        }

        var user = (await AuthenticationState).User;
        var result = await Library.StartAsync(_workspaceId, _templateKey, Blank(_name), user.Actor(), CancellationToken.None);
        if (result?.Journey is { } started)
        {
            Navigation.NavigateTo($"/journeys/{started.Id.ToString(CultureInfo.InvariantCulture)}/edit");
            return;
        }

        _errors = result?.Errors ?? [];
        _problem = result is null ? J.NotFound : null;
    }

    private void Add(string kind)
    {
        var id = NewId(kind);
        var node = new JourneyNodeDraft { Id = id, Kind = kind };
        switch (kind)
        {
            case JourneyNodeKinds.Message:
                node.Channel = "email";
                break;
            case JourneyNodeKinds.Delay:
                node.Duration = "1d";
                break;
            case JourneyNodeKinds.WaitEvent:
                node.Timeout = "1d";
                break;
            case JourneyNodeKinds.WaitSegment:
                node.Timeout = "7d";
                break;
            case JourneyNodeKinds.Split:
                node.Paths = [new() { Name = "A", Weight = 50 }, new() { Name = "B", Weight = 50 }];
                break;
            case JourneyNodeKinds.Webhook:
                node.WebhookUrl = "https://";
                break;
        }

        // A node added while another is selected follows it, on its first free edge: building a flow is adding in order.
        if (_selected?.EdgeNames().FirstOrDefault(e => _selected.Target(e) is null) is { } free)
        {
            _selected.Connect(free, id);
        }

        _nodes.Add(node);
        _start ??= id;
        _selected = node;
        _revision++;
    }

    private string NewId(string kind)
    {
        for (var i = 1; ; i++)
        {
            var id = FormattableString.Invariant($"{kind}_{i}");
            if (_nodes.All(n => n.Id != id))
            {
                return id;
            }
        }
    }

    private void Remove(JourneyNodeDraft node)
    {
        _nodes.Remove(node);
        foreach (var other in _nodes)
        {
            other.Retarget(node.Id, null);
        }

        if (_start == node.Id)
        {
            _start = _nodes.FirstOrDefault()?.Id;
        }

        _selected = null;
        _revision++;
    }

    private void Rename(JourneyNodeDraft node, string? id)
    {
        id = Blank(id);
        if (id is null || id == node.Id || _nodes.Any(n => n.Id == id))
        {
            return;
        }

        foreach (var other in _nodes)
        {
            other.Retarget(node.Id, id);
        }

        if (_start == node.Id)
        {
            _start = id;
        }

        node.Id = id;
        _revision++;
    }

    private void Connect(JourneyNodeDraft node, string edge, string? target)
    {
        node.Connect(edge, Blank(target));
        _revision++;
    }

    private void SetStart(string? id)
    {
        _start = Blank(id);
        _revision++;
    }

    private void Select(string? id) => _selected = _nodes.FirstOrDefault(n => n.Id == id);

    private void OnSelected(string? id)
    {
        if (id is not null || _selected is not null)
        {
            _selected = _nodes.FirstOrDefault(n => n.Id == id) ?? _selected;
        }
    }

    private void OnEdgesChanged() => _revision++;

    private void Redraw() => _revision++;

    private static string EdgeLabel(string edge) => edge switch
    {
        "next" => J.Next,
        "onTimeout" => J.OnTimeout,
        "else" => J.Else,
        "onFailure" => J.OnFailure,
        _ => $"{J.Path} {edge["path ".Length..]}",
    };

    private static string Slug(string edge) => edge.Replace(' ', '-');

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Dictionary<string, object?> Attr(string id) => new() { ["id"] = id };
}
