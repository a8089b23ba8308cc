namespace Kizuna.Journeys.Model;

/// <summary>A path of a random split: its share (<see cref="Weight"/>, the paths' weights add up to 100), where it leads, and whether it is the control (compared against for uplift).</summary>
public sealed record SplitPath(string Name, int Weight, string? Next = null, bool Control = false);
