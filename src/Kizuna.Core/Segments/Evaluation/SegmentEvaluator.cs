using Dapper;
using Kizuna.Segments.Definitions;
using Kizuna.Storage;

namespace Kizuna.Segments.Evaluation;

/// <summary>
/// Evaluates definitions against the store as of the <see cref="TimeProvider"/>'s now: all members by SQL (full
/// recompute, preview), or some profiles by SQL or by the in-memory predicate over their loaded state.
/// </summary>
public sealed class SegmentEvaluator(Database database, ProfileStateReader reader, TimeProvider time)
{
    public SegmentSqlCompiler Compiler { get; } = new(database.Dialect);

    /// <summary>The ids of the workspace's members, or of those among <paramref name="profileIds"/> when given.</summary>
    public async Task<IReadOnlyList<long>> MembersAsync(long workspaceId, Condition condition, CancellationToken ct, IReadOnlyCollection<long>? profileIds = null)
    {
        var query = Compiler.Compile(condition, workspaceId, time.GetUtcNow(), profileIds);
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(query.Sql, query.Parameters, cancellationToken: ct))];
    }

    /// <summary>The predicate of a definition as of now.</summary>
    public SegmentPredicate Predicate(Condition condition) => new(condition, time.GetUtcNow());

    /// <summary>Which of <paramref name="profileIds"/> each definition holds for, by the predicate over state loaded once for all.</summary>
    public async Task<IReadOnlyList<IReadOnlySet<long>>> MatchAsync(
        long workspaceId, IReadOnlyList<Condition> conditions, IReadOnlyCollection<long> profileIds, CancellationToken ct)
    {
        var states = await reader.ReadAsync(workspaceId, profileIds, SegmentDependencies.Of(conditions), ct);
        var now = time.GetUtcNow();
        return [.. conditions.Select(c =>
        {
            var predicate = new SegmentPredicate(c, now);
            return (IReadOnlySet<long>)states.Values.Where(predicate.Matches).Select(s => s.Id).ToHashSet();
        })];
    }
}
