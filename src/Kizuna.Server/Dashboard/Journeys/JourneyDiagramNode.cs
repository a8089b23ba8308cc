using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Kizuna.Journeys;

namespace Kizuna.Server.Dashboard.Journeys;

/// <summary>A journey node on the map: its settings, its one input on top and one output per edge along its bottom, and its figures when the map shows them.</summary>
public sealed class JourneyDiagramNode : NodeModel
{
    public JourneyDiagramNode(JourneyNodeDraft draft, Point position, bool isStart) : base(draft.Id, position)
    {
        Draft = draft;
        IsStart = isStart;
        In = AddPort(new EdgePort(this, null, PortAlignment.Top));
        foreach (var edge in draft.EdgeNames())
        {
            AddPort(new EdgePort(this, edge, PortAlignment.Bottom));
        }
    }

    public JourneyNodeDraft Draft { get; }

    public bool IsStart { get; }

    public PortModel In { get; }

    public IEnumerable<EdgePort> Outs => Ports.OfType<EdgePort>().Where(p => p.Edge is not null);

    /// <summary>What the node does in a few words (template name, duration, event…).</summary>
    public string? Summary { get; set; }

    public NodeCount? Count { get; set; }

    public bool HasProblem { get; set; }
}
