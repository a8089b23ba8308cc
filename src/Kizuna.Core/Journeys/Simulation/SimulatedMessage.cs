namespace Kizuna.Journeys.Simulation;

/// <summary>
/// A message the entry would queue: its channel, template and version, recipient, and the rendered subject (email
/// subject, push title) and text (email text part, SMS or push body, webhook body), or why it does not render.
/// </summary>
public sealed record SimulatedMessage(
    string Channel, long TemplateId, int TemplateVersion, string? Recipient, string? Subject, string? Text, string? Problem);
