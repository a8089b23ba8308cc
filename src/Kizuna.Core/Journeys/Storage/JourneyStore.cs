using Dapper;
using Kizuna.Journeys.Model;
using Kizuna.Storage;

namespace Kizuna.Journeys.Storage;

/// <summary>
/// Journey head rows and their versions. Every save adds a version (entries in flight keep theirs); a live journey's
/// new entries take its latest version at once. State changes are compare-and-set on the states allowed before.
/// </summary>
public sealed class JourneyStore(Database database, TimeProvider time)
{
    public const int MaxNameLength = 120;

    public async Task<Journey> CreateAsync(long workspaceId, string name, JourneyDefinition definition, string author, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO journeys (workspace_id, name, state, version, resumes, created_by, created_at, updated_at)
            VALUES (@workspaceId, @name, 'draft', 1, 0, @author, @now, @now) RETURNING id
            """, new { workspaceId, name, author, now }, transaction, cancellationToken: ct));
        await InsertVersionAsync(connection, transaction, workspaceId, id, 1, definition, author, now, ct);
        await transaction.CommitAsync(ct);
        return (await FindAsync(workspaceId, id, ct))!;
    }

    /// <summary>Saves a new version (and the name); a live or paused journey's new entries take it. Null when the journey is archived or missing.</summary>
    public async Task<Journey?> SaveVersionAsync(long workspaceId, long id, string name, JourneyDefinition definition, string author, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            UPDATE journeys SET version = version + 1, name = @name, updated_at = @now,
                   live_version = CASE WHEN state IN ('live', 'paused') THEN version + 1 ELSE live_version END
            WHERE workspace_id = @workspaceId AND id = @id AND state <> 'archived' RETURNING version
            """, new { workspaceId, id, name, now }, transaction, cancellationToken: ct));
        if (version is not { } v)
        {
            return null;
        }

        await InsertVersionAsync(connection, transaction, workspaceId, id, (int)v, definition, author, now, ct);
        await transaction.CommitAsync(ct);
        return await FindAsync(workspaceId, id, ct);
    }

    /// <summary>Moves the journey from one of <paramref name="from"/> to <paramref name="to"/>; false when it was in none of them.</summary>
    public async Task<bool> MoveAsync(long workspaceId, long id, IReadOnlyList<string> from, string to, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE journeys SET state = @to, updated_at = @now,
                   live_version = CASE WHEN @to = 'live' AND live_version IS NULL THEN version ELSE live_version END,
                   resumes = resumes + CASE WHEN state = 'paused' AND @to = 'live' THEN 1 ELSE 0 END
            WHERE workspace_id = @workspaceId AND id = @id AND state IN ({string.Join(", ", from.Select(s => $"'{s}'"))})
            """, new { workspaceId, id, to, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct)) == 1;
    }

    public async Task<Journey?> FindAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<JourneyRow>(new CommandDefinition(
            $"SELECT {JourneyRow.Columns} FROM journeys WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, cancellationToken: ct));
        return row?.ToJourney();
    }

    public async Task<IReadOnlyList<Journey>> ListAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<JourneyRow>(new CommandDefinition(
            $"SELECT {JourneyRow.Columns} FROM journeys WHERE workspace_id = @workspaceId ORDER BY id", new { workspaceId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToJourney())];
    }

    /// <summary>One version, or the latest when <paramref name="version"/> is null.</summary>
    public async Task<JourneyVersion?> VersionAsync(long workspaceId, long id, int? version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(long Version, string Definition, string CreatedBy, long CreatedAt)?>(new CommandDefinition(
            """
            SELECT version, definition, created_by, created_at FROM journey_versions
            WHERE workspace_id = @workspaceId AND journey_id = @id AND (@version IS NULL OR version = @version)
            ORDER BY version DESC LIMIT 1
            """, new { workspaceId, id, version = (long?)version }, cancellationToken: ct));
        return row is { } r ? new JourneyVersion(id, (int)r.Version, JourneyJson.Read(r.Definition), r.CreatedBy, Epoch.FromMs(r.CreatedAt)) : null;
    }

    public async Task<IReadOnlyList<JourneyVersion>> VersionsAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Version, string Definition, string CreatedBy, long CreatedAt)>(new CommandDefinition(
            """
            SELECT version, definition, created_by, created_at FROM journey_versions
            WHERE workspace_id = @workspaceId AND journey_id = @id ORDER BY version
            """, new { workspaceId, id }, cancellationToken: ct));
        return [.. rows.Select(r => new JourneyVersion(id, (int)r.Version, JourneyJson.Read(r.Definition), r.CreatedBy, Epoch.FromMs(r.CreatedAt)))];
    }

    /// <summary>Every live or paused journey with every one of its versions, for the engine's in-memory catalog.</summary>
    public async Task<IReadOnlyList<(Journey Journey, JourneyVersion Version)>> RunningAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var heads = (await connection.QueryAsync<JourneyRow>(new CommandDefinition(
            $"SELECT {JourneyRow.Columns} FROM journeys WHERE state IN ('live', 'paused')", cancellationToken: ct))).ToDictionary(r => r.Id);
        var versions = await connection.QueryAsync<(long JourneyId, long Version, string Definition, string CreatedBy, long CreatedAt)>(new CommandDefinition(
            """
            SELECT v.journey_id, v.version, v.definition, v.created_by, v.created_at FROM journey_versions v
            JOIN journeys j ON j.workspace_id = v.workspace_id AND j.id = v.journey_id WHERE j.state IN ('live', 'paused')
            """, cancellationToken: ct));
        return [.. versions.Where(v => heads.ContainsKey(v.JourneyId)).Select(v => (heads[v.JourneyId].ToJourney(),
            new JourneyVersion(v.JourneyId, (int)v.Version, JourneyJson.Read(v.Definition), v.CreatedBy, Epoch.FromMs(v.CreatedAt))))];
    }

    /// <summary>A fingerprint of every journey's state and version, so a node sees another's change without reloading every definition.</summary>
    public async Task<string> StampAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var (count, versions, updated) = await connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition(
            "SELECT count(*), COALESCE(sum(version + resumes * 1000003 + length(state)), 0), COALESCE(max(updated_at), 0) FROM journeys",
            cancellationToken: ct));
        return FormattableString.Invariant($"{count}:{versions}:{updated}");
    }

    private static Task InsertVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        long workspaceId, long id, int version, JourneyDefinition definition, string author, long now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO journey_versions (workspace_id, journey_id, version, definition, created_by, created_at)
            VALUES (@workspaceId, @id, @version, @definition, @author, @now)
            """, new { workspaceId, id, version = (long)version, definition = JourneyJson.Write(definition), author, now }, transaction, cancellationToken: ct));
}
