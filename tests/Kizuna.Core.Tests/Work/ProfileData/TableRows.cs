using Dapper;
using Kizuna.Storage;

namespace Kizuna.Work.ProfileData;

/// <summary>
/// Every row of every registered table of one workspace, read straight from the database, and which of them belong
/// to a set of profiles (by the profile column, or for a table reached through a parent, by the parent's rows).
/// </summary>
internal sealed class TableRows
{
    private readonly ProfileDataRegistry _registry;
    private readonly Dictionary<string, List<IDictionary<string, object?>>> _rows;

    private TableRows(ProfileDataRegistry registry, Dictionary<string, List<IDictionary<string, object?>>> rows) => (_registry, _rows) = (registry, rows);

    public static async Task<TableRows> ReadAsync(Database database, ProfileDataRegistry registry, long ws, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = new Dictionary<string, List<IDictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var table in registry.Tables)
        {
            rows[table.Name] = [.. (await connection.QueryAsync(new CommandDefinition($"SELECT * FROM {table.Name} WHERE workspace_id = @ws", new { ws }, cancellationToken: ct)))
                .Cast<IDictionary<string, object?>>()];
        }

        return new TableRows(registry, rows);
    }

    /// <summary>A profile and every profile merged into it.</summary>
    public HashSet<long> ProfileAndMerged(long id) =>
        [.. _rows["profiles"].Where(p => Long(p["id"]) == id || (p["merged_into"] is { } m && Long(m) == id)).Select(p => Long(p["id"]))];

    /// <summary>The rows of <paramref name="table"/> that belong to <paramref name="ids"/>, as comparable text.</summary>
    public List<string> Of(string table, IReadOnlySet<long> ids)
    {
        var t = _registry.Find(table)!;
        return [.. _rows[table].Where(r => Belongs(t, r, ids)).Select(Show).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every row of <paramref name="table"/> in the workspace, as comparable text.</summary>
    public List<string> AllOf(string table) => [.. _rows[table].Select(Show).Order(StringComparer.Ordinal)];

    private bool Belongs(ProfileTable table, IDictionary<string, object?> row, IReadOnlySet<long> ids)
    {
        if (table.Parent is not { } link)
        {
            return ids.Contains(Long(row[table.ProfileColumn]));
        }

        var parent = _registry.Find(link.Table)!;
        return _rows[link.Table].Any(p => ids.Contains(Long(p[parent.ProfileColumn])) && link.Key.All(k => Equals(p[k], row[k])));
    }

    private static string Show(IDictionary<string, object?> row) =>
        string.Join("|", row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={(c.Value is byte[] b ? Convert.ToHexString(b) : Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture))}"));

    private static long Long(object? value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
