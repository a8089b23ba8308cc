namespace Kizuna.Server.Health;

/// <summary>One check of <c>/health</c>: its name, status, what it saw, and how long it took.</summary>
public sealed record HealthCheckResponse(string Name, string Status, string Description, double DurationMs);
