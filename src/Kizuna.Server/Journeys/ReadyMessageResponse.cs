namespace Kizuna.Server.Journeys;

/// <summary>The template a ready-made journey's message node uses: the workspace's template of this name, or one created from this content.</summary>
public sealed record ReadyMessageResponse(string Node, string TemplateName, string Channel, string? Subject, string Body);
