using System.Data.Common;

namespace Kizuna.Storage;

/// <summary>
/// The one door to the database: every store opens its connections here, so a feature never knows
/// which engine it runs on except through <see cref="Kind"/> and <see cref="Dialect"/>.
/// </summary>
public abstract class Database
{
    public abstract StoreKind Kind { get; }

    public abstract SqlDialect Dialect { get; }

    /// <summary>Opens a pooled connection, configured for this engine.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);
}
