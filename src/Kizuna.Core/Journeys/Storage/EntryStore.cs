using Dapper;
using Kizuna.Storage;

namespace Kizuna.Journeys.Storage;

/// <summary>Reads of <c>journey_entries</c> and <c>journey_steps</c>: by profile (the consumer), by id (timers), per journey and per profile (pages).</summary>
public sealed partial class EntryStore(Database database)
{
    /// <summary>The profiles' entries in <paramref name="journeyIds"/>, every state (re-entry rules, exits, conversions read them).</summary>
    public async Task<IReadOnlyList<JourneyEntry>> OfProfilesAsync(long workspaceId, IReadOnlyCollection<long> profileIds, IReadOnlyCollection<long> journeyIds, CancellationToken ct)
    {
        if (profileIds.Count == 0 || journeyIds.Count == 0)
        {
            return [];
        }

        // Found by the customers alone (journey_entries_profile), the journeys kept here: given the journeys as well,
        // SQLite walked every entry of those journeys (journey_entries_journey) to find the customers' few, so each
        // batch of events cost more with every customer waiting in a journey.
        var d = database.Dialect;
        var journeys = journeyIds.ToHashSet();
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"""
            SELECT {EntryRow.Columns} FROM journey_entries
            WHERE workspace_id = @workspaceId AND {d.InIds("profile_id", "@profiles")}
            ORDER BY id
            """, new { workspaceId, profiles = d.Ids(profileIds) }, cancellationToken: ct));
        return [.. rows.Where(r => journeys.Contains(r.JourneyId)).Select(r => r.ToEntry())];
    }

    public async Task<IReadOnlyList<JourneyEntry>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var d = database.Dialect;
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"SELECT {EntryRow.Columns} FROM journey_entries WHERE {d.InIds("id", "@ids")}", new { ids = d.Ids(ids) }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async Task<JourneyEntry?> FindAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<EntryRow>(new CommandDefinition(
            $"SELECT {EntryRow.Columns} FROM journey_entries WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, cancellationToken: ct));
        return row?.ToEntry();
    }

    /// <summary>A journey's entries, newest first, before <paramref name="beforeId"/> (a page cursor), in one state when given.</summary>
    public async Task<IReadOnlyList<JourneyEntry>> OfJourneyAsync(long workspaceId, long journeyId, string? state, long? beforeId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"""
            SELECT {EntryRow.Columns} FROM journey_entries
            WHERE workspace_id = @workspaceId AND journey_id = @journeyId AND (@state IS NULL OR state = @state) AND (@beforeId IS NULL OR id < @beforeId)
            ORDER BY id DESC LIMIT @limit
            """, new { workspaceId, journeyId, state, beforeId, limit = (long)limit }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <summary>A customer's entries in every journey, newest first.</summary>
    public async Task<IReadOnlyList<JourneyEntry>> OfProfileAsync(long workspaceId, long profileId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"""
            SELECT {EntryRow.Columns} FROM journey_entries WHERE workspace_id = @workspaceId AND profile_id = @profileId
            ORDER BY id DESC LIMIT @limit
            """, new { workspaceId, profileId, limit = (long)limit }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <summary>The steps of the entries, in order.</summary>
    public async Task<ILookup<long, JourneyStep>> StepsAsync(long workspaceId, IReadOnlyCollection<long> entryIds, CancellationToken ct)
    {
        if (entryIds.Count == 0)
        {
            return Array.Empty<JourneyStep>().ToLookup(s => s.EntryId);
        }

        var d = database.Dialect;
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long EntryId, long Seq, string Node, long At, string Outcome, long? MessageId)>(new CommandDefinition(
            $"""
            SELECT entry_id, seq, node, at, outcome, message_id FROM journey_steps
            WHERE workspace_id = @workspaceId AND {d.InIds("entry_id", "@ids")} ORDER BY entry_id, seq
            """, new { workspaceId, ids = d.Ids(entryIds) }, cancellationToken: ct));
        return rows.Select(r => new JourneyStep(r.EntryId, (int)r.Seq, r.Node, Epoch.FromMs(r.At), r.Outcome, r.MessageId)).ToLookup(s => s.EntryId);
    }

    /// <summary>How many entries the journey took in since <paramref name="since"/> (its entry rate limit).</summary>
    public async Task<long> EnteredSinceAsync(long workspaceId, long journeyId, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM journey_entries WHERE workspace_id = @workspaceId AND journey_id = @journeyId AND entered_at >= @since",
            new { workspaceId, journeyId, since = Epoch.ToMs(since) }, cancellationToken: ct));
    }

    /// <summary>The waiting entries of a journey with their timers' times and seqs, after <paramref name="afterId"/> (for setting timers again on resume).</summary>
    public async Task<IReadOnlyList<JourneyEntry>> WaitingAsync(long workspaceId, long journeyId, long afterId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"""
            SELECT {EntryRow.Columns} FROM journey_entries
            WHERE workspace_id = @workspaceId AND journey_id = @journeyId AND state = 'waiting' AND id > @afterId ORDER BY id LIMIT @limit
            """, new { workspaceId, journeyId, afterId, limit = (long)limit }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async Task<JourneyEntry?> FindByKeyAsync(long workspaceId, long journeyId, string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<EntryRow>(new CommandDefinition(
            $"SELECT {EntryRow.Columns} FROM journey_entries WHERE workspace_id = @workspaceId AND journey_id = @journeyId AND entry_key = @key",
            new { workspaceId, journeyId, key }, cancellationToken: ct));
        return row?.ToEntry();
    }
}
