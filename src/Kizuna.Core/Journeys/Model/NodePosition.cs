namespace Kizuna.Journeys.Model;

/// <summary>Where a node is drawn on the journey's map (pixels from the map's top left), kept when a person moves it; the engine never reads it.</summary>
public sealed record NodePosition(double X, double Y)
{
    /// <summary>How far from the map's origin a node may be placed, either way.</summary>
    public const double Limit = 100_000;
}
