using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Kizuna.Storage;

namespace Kizuna.Work.ProfileData;

/// <summary>
/// Every table that keeps data per profile, as the features registered them (<see cref="ProfileDataServiceCollectionExtensions.AddProfileData"/>):
/// the batch writer's merge, and the erasure and export of <see cref="Profiles.PrivacyService"/>, go through this list,
/// so a new per-profile table is merged, erased and exported once it is registered. A test fails on a migrated
/// table with a <c>profile_id</c> column that is not.
/// </summary>
public sealed partial class ProfileDataRegistry
{
    private readonly Dictionary<string, ProfileTable> _byName;
    private readonly ConcurrentDictionary<StoreKind, Statements> _statements = new();

    public ProfileDataRegistry(IEnumerable<ProfileTable> tables)
    {
        Tables = [.. tables];
        _byName = new Dictionary<string, ProfileTable>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            if (!_byName.TryAdd(table.Name, table))
            {
                throw new InvalidOperationException($"The per-profile table {table.Name} is registered twice.");
            }
        }

        foreach (var table in Tables)
        {
            Check(table);
        }
    }

    /// <summary>The tables in the order they were registered (the order merges run in).</summary>
    public IReadOnlyList<ProfileTable> Tables { get; }

    public ProfileTable? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>What moves a merged profile's stored rows to the survivor (<c>@ws</c>, <c>@from</c>, <c>@into</c>), table by table.</summary>
    public IReadOnlyList<string> MergeStatements(SqlDialect dialect) => For(dialect).Merge;

    /// <summary>What erases the profiles <c>@ids</c> of workspace <c>@workspaceId</c>: tables reached through a parent first, while the parent's rows still lead to them.</summary>
    public IReadOnlyList<string> EraseStatements(SqlDialect dialect) => For(dialect).Erase;

    /// <summary>Per table, the query reading every row the profiles <c>@ids</c> of workspace <c>@workspaceId</c> hold in it.</summary>
    public IReadOnlyList<(ProfileTable Table, string Sql)> ExportQueries(SqlDialect dialect) => For(dialect).Export;

    private Statements For(SqlDialect dialect) => _statements.GetOrAdd(dialect.Kind, _ => new Statements(
        [.. Tables.SelectMany(t => ProfileDataSql.Merge(t, dialect))],
        [.. Tables.OrderBy(t => t.Parent is null).Select(t => ProfileDataSql.Erase(t, Target(t), dialect))],
        [.. Tables.Select(t => (t, ProfileDataSql.Export(t, Target(t), dialect)))]));

    private ParentLinkTarget? Target(ProfileTable table) =>
        table.Parent is { } link ? new ParentLinkTarget(link.Table, _byName[link.Table].ProfileColumn, link.Key) : null;

    private void Check(ProfileTable table)
    {
        IEnumerable<string> names =
        [
            table.Name, table.ProfileColumn,
            .. table.Parent is { } p ? [p.Table, .. p.Key] : Array.Empty<string>(),
            .. table.RuleColumns,
        ];
        if (names.FirstOrDefault(n => !Identifier().IsMatch(n)) is { } bad)
        {
            throw new InvalidOperationException($"Per-profile table {table.Name}: '{bad}' is not a plain lower-case SQL name.");
        }

        if (table.Parent is { } parent)
        {
            if (Find(parent.Table) is not { Parent: null })
            {
                throw new InvalidOperationException($"Per-profile table {table.Name}: its parent {parent.Table} must be registered and hold a profile column itself.");
            }

            if (parent.Key.Count == 0 || table.OnMerge is not MergeRule.ParentFollowed || table.OnErase is not EraseRule.Deleted)
            {
                throw new InvalidOperationException($"Per-profile table {table.Name}: a table reached through {parent.Table} names its key, follows its parent on merge and is deleted on erase.");
            }
        }
        else if (table.OnMerge is MergeRule.ParentFollowed)
        {
            throw new InvalidOperationException($"Per-profile table {table.Name} has no parent to follow on merge.");
        }

        if (table.OnErase is EraseRule.Anonymised && table.OnMerge is not MergeRule.Moved { Column: null })
        {
            throw new InvalidOperationException($"Per-profile table {table.Name}: only rows that move whole on merge can be anonymised on erase.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();

    private sealed record Statements(IReadOnlyList<string> Merge, IReadOnlyList<string> Erase, IReadOnlyList<(ProfileTable, string)> Export);
}
