namespace Kizuna.Server.Journeys;

/// <summary>A simulated message: channel, template and version, recipient, rendered subject and text, or why it does not render.</summary>
public sealed record SimulatedMessageResponse(
    string Channel, long TemplateId, int TemplateVersion, string? Recipient, string? Subject, string? Text, string? Problem);
