namespace Kizuna.Journeys.Model;

/// <summary>One reason a definition cannot run: the field (<c>nodes[2].timeout</c>), the node it concerns (its id) when there is one, and why.</summary>
public sealed record JourneyError(string Field, string? Node, string Message)
{
    public override string ToString() => Node is null ? $"{Field}: {Message}" : $"{Field} (node '{Node}'): {Message}";
}
