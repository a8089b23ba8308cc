namespace Kizuna.Templates.Store;

/// <summary>What a save writes: the Liquid body, and for message templates an optional Liquid subject line.</summary>
public sealed record TemplateDraft(string Body, string? Subject = null, string? Description = null);
