namespace Kizuna.Journeys.Library;

/// <summary>The template a ready-made journey's message node sends: found in the workspace by <see cref="TemplateName"/>, or created from this content.</summary>
public sealed record ReadyMessage(string Node, string TemplateName, string Channel, string? Subject, string Body);
