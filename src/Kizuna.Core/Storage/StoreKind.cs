namespace Kizuna.Storage;

/// <summary>The database a Kizuna deployment stores its data in.</summary>
public enum StoreKind
{
    /// <summary>The embedded default: one file in the data folder.</summary>
    Sqlite,

    /// <summary>Scale-out: several stateless nodes share one PostgreSQL.</summary>
    Postgres,
}
