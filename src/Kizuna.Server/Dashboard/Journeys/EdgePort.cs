using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace Kizuna.Server.Dashboard.Journeys;

/// <summary>A port of a journey node: an edge's start (<see cref="Edge"/>: <c>next</c>, <c>onTimeout</c>, <c>else</c>, <c>path A</c>) or the node's input (null).</summary>
public sealed class EdgePort(JourneyDiagramNode parent, string? edge, PortAlignment alignment) : PortModel(parent, alignment)
{
    public string? Edge { get; } = edge;

    // A new link may be dropped anywhere on the node it leads to, not only on its small input dot.
    public override bool CanAttachTo(ILinkable other) =>
        Edge is not null && other switch
        {
            EdgePort { Edge: null } port => port.Parent != Parent,
            JourneyDiagramNode node => node != Parent,
            _ => false,
        };
}
