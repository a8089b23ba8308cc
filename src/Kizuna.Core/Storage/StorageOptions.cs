using System.ComponentModel.DataAnnotations;

namespace Kizuna.Storage;

/// <summary>Where Kizuna keeps its data. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    [Required]
    public string Provider { get; set; } = "sqlite";

    /// <summary>The folder that holds <c>kizuna.db</c> when the provider is SQLite.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>A PostgreSQL connection string, or a SQLite one to override the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite <c>synchronous=FULL</c>: survive a power cut too, not only a killed process.</summary>
    public bool SqliteSynchronousFull { get; set; }

    /// <summary>
    /// The engine <see cref="Provider"/> names. Options are validated before they are handed out, so an unknown name
    /// never gets here; this getter must not throw, because validation itself reads every property.
    /// </summary>
    public StoreKind Kind => TryParseProvider(Provider, out var kind) ? kind : StoreKind.Sqlite;

    /// <summary>Reads a provider name in any letter case: <c>sqlite</c>, <c>postgres</c> or its other name <c>postgresql</c>.</summary>
    public static bool TryParseProvider(string? provider, out StoreKind kind)
    {
        kind = StoreKind.Sqlite;
        if (string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        kind = StoreKind.Postgres;
        return string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase);
    }
}
