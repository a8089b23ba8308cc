using Kizuna.Storage;

namespace Kizuna.Work.ProfileData;

/// <summary>
/// The statements a <see cref="ProfileTable"/> stands for, in the SQL both engines share. Merge statements take
/// <c>@ws</c>, <c>@from</c> and <c>@into</c>; erase and export statements take <c>@workspaceId</c> and the array <c>@ids</c>.
/// </summary>
internal static class ProfileDataSql
{
    public static IEnumerable<string> Merge(ProfileTable table, SqlDialect dialect)
    {
        var (t, p) = (table.Name, table.ProfileColumn);
        switch (table.OnMerge)
        {
            case MergeRule.Moved(var column):
                yield return $"UPDATE {t} SET {column ?? p} = @into WHERE workspace_id = @ws AND {column ?? p} = @from";
                break;
            case MergeRule.AddedUp rule:
                string[] columns = [.. rule.Key, .. rule.Sum, .. rule.Min, .. rule.Max];
                IEnumerable<string> updates =
                [
                    .. rule.Sum.Select(c => $"{c} = {t}.{c} + excluded.{c}"),
                    // SQLite's min/max give null when either side is null, PostgreSQL's LEAST/GREATEST skip it: the
                    // COALESCEs make both keep the value that is there.
                    .. rule.Min.Select(c => $"{c} = {dialect.Least($"COALESCE({t}.{c}, excluded.{c})", $"COALESCE(excluded.{c}, {t}.{c})")}"),
                    .. rule.Max.Select(c => $"{c} = {dialect.Greatest($"COALESCE({t}.{c}, excluded.{c})", $"COALESCE(excluded.{c}, {t}.{c})")}"),
                ];
                var onConflict = updates.Any() ? $"DO UPDATE SET {string.Join(", ", updates)}" : "DO NOTHING";
                yield return $"""
                    INSERT INTO {t} (workspace_id, {p}, {string.Join(", ", columns)})
                    SELECT workspace_id, @into, {string.Join(", ", columns)} FROM {t} WHERE workspace_id = @ws AND {p} = @from
                    ON CONFLICT (workspace_id, {string.Join(", ", [p, .. rule.Key])}) {onConflict}
                    """;
                yield return $"DELETE FROM {t} WHERE workspace_id = @ws AND {p} = @from";
                break;
            case MergeRule.SurvivorKept rule:
                yield return $"""
                    UPDATE {t} SET {p} = @into WHERE workspace_id = @ws AND {p} = @from
                        AND NOT EXISTS (SELECT 1 FROM {t} s WHERE s.workspace_id = {t}.workspace_id AND s.{p} = @into{string.Concat(rule.Key.Select(k => $" AND s.{k} = {t}.{k}"))})
                    """;
                yield return $"DELETE FROM {t} WHERE workspace_id = @ws AND {p} = @from";
                break;
        }
    }

    public static string Erase(ProfileTable table, ParentLinkTarget? parent, SqlDialect dialect)
    {
        var (t, p) = (table.Name, table.ProfileColumn);
        if (parent is { } link)
        {
            // Rows reached through the erased profiles' parent rows, unless another profile's parent row reaches them too.
            var others = string.Concat(link.Key.Select(k => $" AND o.{k} = {t}.{k}"));
            return $"""
                DELETE FROM {t} WHERE workspace_id = @workspaceId AND {ReachedThrough(link, dialect)}
                    AND NOT EXISTS (SELECT 1 FROM {link.Table} o WHERE o.workspace_id = {t}.workspace_id{others} AND NOT ({dialect.OneOf($"o.{link.ProfileColumn}", "@ids")}))
                """;
        }

        return table.OnErase switch
        {
            EraseRule.Anonymised rule =>
                $"UPDATE {t} SET {string.Join(", ", [$"{p} = 0", .. rule.Clear.Select(c => $"{c} = NULL")])} WHERE workspace_id = @workspaceId AND {dialect.OneOf(p, "@ids")}",
            _ => $"DELETE FROM {t} WHERE workspace_id = @workspaceId AND {dialect.OneOf(p, "@ids")}",
        };
    }

    public static string Export(ProfileTable table, ParentLinkTarget? parent, SqlDialect dialect)
    {
        var rows = parent is { } link ? ReachedThrough(link, dialect) : dialect.OneOf(table.ProfileColumn, "@ids");
        var order = table.Export.OrderBy.Count > 0 ? $" ORDER BY {string.Join(", ", table.Export.OrderBy)}" : "";
        return $"SELECT * FROM {table.Name} WHERE workspace_id = @workspaceId AND {rows}{order}";
    }

    private static string ReachedThrough(ParentLinkTarget link, SqlDialect dialect)
    {
        var key = string.Join(", ", link.Key);
        var tuple = link.Key.Count == 1 ? key : $"({key})";
        return $"{tuple} IN (SELECT {key} FROM {link.Table} WHERE workspace_id = @workspaceId AND {dialect.OneOf(link.ProfileColumn, "@ids")})";
    }
}
