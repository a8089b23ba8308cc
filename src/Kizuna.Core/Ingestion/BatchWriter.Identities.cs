using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Ingestion;

// Identity resolution: which profile each message belongs to, creating and merging profiles as ids link up.
internal sealed partial class BatchWriter
{
    private async Task LoadIdentitiesAsync(List<(List<IngestMessage> Messages, int Duplicates)> fresh, IReadOnlyList<IngestBatch> batches, CancellationToken ct)
    {
        var wanted = new Dictionary<long, (HashSet<string> Users, HashSet<string> Anonymous)>();
        for (var b = 0; b < batches.Count; b++)
        {
            if (!wanted.TryGetValue(batches[b].WorkspaceId, out var ids))
            {
                wanted[batches[b].WorkspaceId] = ids = (new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            }

            foreach (var m in fresh[b].Messages)
            {
                if (m.UserId is not null) { ids.Users.Add(m.UserId); }
                if (m.AnonymousId is not null) { ids.Anonymous.Add(m.AnonymousId); }
                if (m.PreviousId is not null) { ids.Users.Add(m.PreviousId); ids.Anonymous.Add(m.PreviousId); }
            }
        }

        foreach (var (ws, ids) in wanted)
        {
            foreach (var (kind, values) in new[] { ("user", ids.Users), ("anonymous", ids.Anonymous) })
            {
                // Each id with the profile it resolves to, in one query.
                await BulkSql.ForEachInAsync(connection, transaction,
                    $$"""
                    SELECT i.value, {{ProfileColumns.Select("p.")}}
                    FROM identities i JOIN profiles p ON p.workspace_id = i.workspace_id AND p.id = i.profile_id
                    WHERE i.workspace_id = @ws AND i.kind = '{{kind}}' AND i.value IN ({in})
                    """,
                    [.. values], ws,
                    r =>
                    {
                        var profile = ProfileColumns.Read(ws, r, 1, dialect.Kind);
                        _identities[(ws, kind, r.GetString(0))] = profile.Id;
                        _profiles.TryAdd((ws, profile.Id), profile);
                    }, ct);
            }

            await LoadSuppressionsAsync(ws, ids, ct);
        }

        // An upper bound of the profiles this transaction may create: messages with an id no profile answers to yet.
        var mayCreate = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            var ws = batches[b].WorkspaceId;
            mayCreate += fresh[b].Messages.Count(m =>
                (m.UserId is { } u && !_identities.ContainsKey((ws, "user", u)))
                || (m.AnonymousId is { } a && !_identities.ContainsKey((ws, "anonymous", a)))
                || m.PreviousId is not null);
        }

        await AllocateProfileIdsAsync(mayCreate, ct);
    }

    private async Task LoadProfilesAsync(long ws, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var missing = ids.Where(id => !_profiles.ContainsKey((ws, id))).ToList();
        await BulkSql.ForEachInAsync(connection, transaction,
            $"SELECT {ProfileColumns.Select("")} FROM profiles WHERE workspace_id = @ws AND id IN ({{in}})",
            missing, ws,
            r => _profiles[(ws, r.GetInt64(0))] = ProfileColumns.Read(ws, r, 0, dialect.Kind), ct);
    }

    /// <summary>Only ids no profile answers to can be suppressed: erasure removed their identities.</summary>
    private async Task LoadSuppressionsAsync(long ws, (HashSet<string> Users, HashSet<string> Anonymous) ids, CancellationToken ct)
    {
        var byHash = new Dictionary<string, (string Kind, string Value)>(StringComparer.Ordinal);
        foreach (var (kind, values) in new[] { ("user", ids.Users), ("anonymous", ids.Anonymous) })
        {
            foreach (var value in values.Where(v => !_identities.ContainsKey((ws, kind, v))))
            {
                byHash[Convert.ToHexString(Suppression.Hash(kind, value))] = (kind, value);
            }
        }

        if (byHash.Count == 0)
        {
            return;
        }

        await BulkSql.ForEachInAsync(connection, transaction,
            "SELECT id_hash FROM suppressions WHERE workspace_id = @ws AND id_hash IN ({in})",
            [.. byHash.Keys.Select(Convert.FromHexString)], ws,
            r => _suppressed.Add((ws, byHash[Convert.ToHexString(r.GetBytes(0))].Kind, byHash[Convert.ToHexString(r.GetBytes(0))].Value)), ct);
    }

    private async Task<ProfileState> ResolveAsync(long ws, IngestMessage m, CancellationToken ct)
    {
        var byUser = m.UserId is { } u ? Find(ws, "user", u) : null;
        var byAnonymous = m.AnonymousId is { } a ? Find(ws, "anonymous", a) : null;
        if (m.Type == MessageType.Alias && m.PreviousId is { } previous)
        {
            var byPrevious = Find(ws, "user", previous) ?? Find(ws, "anonymous", previous);
            var target = byUser ?? byPrevious ?? await CreateAsync(ws, ct);
            if (byPrevious is not null && byPrevious != target)
            {
                await MergeAsync(byPrevious, target, ct);
            }

            Link(ws, "user", m.UserId, target);
            if (byPrevious is null)
            {
                Link(ws, "anonymous", previous, target);
            }

            return target;
        }

        if (byUser is not null && byAnonymous is not null && byUser != byAnonymous)
        {
            // A device shared by two known customers moves on to the latest one instead of merging them.
            if (byAnonymous.UserId is null || byAnonymous.UserId == m.UserId)
            {
                await MergeAsync(byAnonymous, byUser, ct);
            }
        }

        var profile = byUser ?? byAnonymous;
        if (profile is not null && m.UserId is not null && profile.UserId is not null && profile.UserId != m.UserId)
        {
            profile = null;
        }

        profile ??= await CreateAsync(ws, ct);
        Link(ws, "user", m.UserId, profile);
        Link(ws, "anonymous", m.AnonymousId, profile);
        return profile;
    }

    private ProfileState? Find(long ws, string kind, string value) =>
        _identities.TryGetValue((ws, kind, value), out var id) ? _profiles[(ws, id)] : null;

    private void Link(long ws, string kind, string? value, ProfileState profile)
    {
        if (value is null)
        {
            return;
        }

        if (!_identities.TryGetValue((ws, kind, value), out var current) || current != profile.Id)
        {
            _identities[(ws, kind, value)] = profile.Id;
            _newIdentities[(ws, kind, value)] = profile.Id;
        }

        if (kind == "user" && profile.UserId is null)
        {
            profile.UserId = value;
            profile.Dirty = true;
        }
    }

    private async Task<ProfileState> CreateAsync(long ws, CancellationToken ct)
    {
        if (_freeIds.Count == 0)
        {
            // The estimate counts messages with an id unknown when the batch was loaded; an id linked earlier in the
            // same batch to a profile of another user (an alias, a shared device) can still need a profile of its own.
            await AllocateProfileIdsAsync(1, ct);
        }

        var profile = new ProfileState { WorkspaceId = ws, Id = _freeIds.Dequeue(), IsNew = true, Dirty = true };
        _profiles[(ws, profile.Id)] = profile;
        return profile;
    }

    private async Task AllocateProfileIdsAsync(int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@n";
        parameter.Value = (long)count;
        command.Parameters.Add(parameter);
        if (dialect.Kind == StoreKind.Postgres)
        {
            command.CommandText = "SELECT nextval('profile_ids') FROM generate_series(1, @n)";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                _freeIds.Enqueue(reader.GetInt64(0));
            }

            return;
        }

        // SQLite: the transaction holds the write lock, so ids not used can be handed back at the end.
        command.CommandText = "UPDATE sequences SET value = value + @n WHERE name = 'profile_ids' RETURNING value";
        var end = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        for (var id = end - count + 1; id <= end; id++)
        {
            _freeIds.Enqueue(id);
        }

    }

    private void ReturnUnusedIds(PendingWrites writes)
    {
        if (dialect.Kind != StoreKind.Sqlite || _freeIds.Count == 0)
        {
            return;
        }

        writes.Add("UPDATE sequences SET value = value - @n WHERE name = 'profile_ids'", ("@n", (long)_freeIds.Count));
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

}
