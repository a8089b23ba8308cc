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

    public StoreKind Kind => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase)
            ? StoreKind.Postgres
            : StoreKind.Sqlite;
}
