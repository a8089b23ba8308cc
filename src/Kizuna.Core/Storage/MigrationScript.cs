namespace Kizuna.Storage;

/// <summary>One numbered schema script, e.g. <c>0001_foundation</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql);
