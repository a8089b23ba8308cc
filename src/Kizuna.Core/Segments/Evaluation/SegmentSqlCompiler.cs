using Kizuna.Segments.Definitions;
using Kizuna.Storage;

namespace Kizuna.Segments.Evaluation;

/// <summary>
/// Compiles a definition into one query for SQLite or PostgreSQL that selects the ids of the workspace's member
/// profiles (merged profiles never). Conditions are answered from the per-profile aggregates (the profile row,
/// <c>event_counts</c>, <c>daily_counts</c>, <c>computed_values</c>, <c>segment_members</c>, orders) and from
/// <c>events</c> only for property filters.
/// </summary>
public sealed class SegmentSqlCompiler(SqlDialect dialect)
{
    /// <summary>The members of the workspace, or of those among <paramref name="profileIds"/> when given.</summary>
    public SegmentQuery Compile(Condition condition, long workspaceId, DateTimeOffset now, IReadOnlyCollection<long>? profileIds = null)
    {
        var p = new SqlParameters(dialect);
        var ws = p.Add(workspaceId);
        var where = new SqlConditions(p, new SegmentClock(now), ws).Of(condition);
        var only = profileIds is null ? "" : $" AND {dialect.InIds("p.id", p.Add(dialect.Ids(profileIds)))}";
        // A whole workspace is read in one pass over the table: given "workspace_id = ?" SQLite walks an index of
        // profiles and looks every row up by key, four to six times slower; "+" keeps it from using the column.
        var workspace = profileIds is null && dialect.Kind == StoreKind.Sqlite ? $"+p.workspace_id = {ws}" : $"p.workspace_id = {ws}";
        return new SegmentQuery($"SELECT p.id FROM profiles p WHERE {workspace} AND p.merged_into IS NULL{only} AND {where}", p.Values);
    }
}
