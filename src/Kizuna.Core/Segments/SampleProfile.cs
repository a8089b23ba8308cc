namespace Kizuna.Segments;

/// <summary>A profile of a preview's sample, by the ids a marketer recognises.</summary>
public sealed record SampleProfile(long ProfileId, string? UserId, string? Email);
