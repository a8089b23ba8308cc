namespace Kizuna.Server.Dashboard.Journeys;

/// <summary>A random split's path as the editor changes it.</summary>
public sealed class SplitPathDraft
{
    public string Name { get; set; } = "";
    public int Weight { get; set; }
    public string? Next { get; set; }
    public bool Control { get; set; }
}
