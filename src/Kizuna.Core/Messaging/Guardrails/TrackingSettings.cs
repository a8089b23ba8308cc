namespace Kizuna.Messaging.Guardrails;

/// <summary>Whether emails carry an open pixel and have their links rewritten to signed click redirects.</summary>
public sealed record TrackingSettings
{
    public bool Opens { get; init; } = true;

    public bool Clicks { get; init; } = true;
}
