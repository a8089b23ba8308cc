namespace Kizuna.Templates.Store;

/// <summary>One entry of a template's history.</summary>
public sealed record TemplateVersionInfo(int Version, string? Description, DateTimeOffset CreatedAt, string CreatedBy);
