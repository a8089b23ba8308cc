namespace Kizuna.Profiles;

/// <summary>How often a profile did one thing, and when first and last.</summary>
public sealed record EventCount(string Name, long Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);
