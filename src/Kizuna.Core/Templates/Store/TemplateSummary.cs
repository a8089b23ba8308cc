namespace Kizuna.Templates.Store;

/// <summary>A template in a listing: its current version without the body; <c>Channel</c> is null for email and blocks.</summary>
public sealed record TemplateSummary(
    long Id,
    TemplateKind Kind,
    string Name,
    int Version,
    string? Subject,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string? Channel = null);
