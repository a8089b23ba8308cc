namespace Kizuna.Segments;

/// <summary>
/// What the API, the CLI and the dashboard call: saves checked by the segment language before anything is stored
/// (every save a new version, followed by a full recompute on the job queue), previews of unsaved definitions,
/// members, a profile's memberships and the size history.
/// </summary>
public sealed class SegmentService(
    SegmentStore store, MembershipStore members, SegmentEngine engine, SegmentRecompute recompute, SegmentSweep sweep)
{
    public const int MaxDescriptionLength = 1_000;

    /// <summary>Reads and checks a definition (the JSON tree or the text form), including the segments it reads.</summary>
    public async Task<SegmentCheck> CheckAsync(long workspaceId, long? segmentId, string? json, string? text, CancellationToken ct)
    {
        // Archived segments are not offered for references: "in segment" of one would hold for nobody.
        var others = (await store.ListAsync(workspaceId, includeArchived: false, ct)).ToDictionary(s => s.Id, s => engine.Compiled(s).Tree);
        return SegmentEngine.Check(json, text, others, segmentId);
    }

    public async Task<SegmentSaveResult> CreateAsync(long workspaceId, SegmentDraft draft, string author, CancellationToken ct)
    {
        if (CheckFields(draft) is { } refused)
        {
            return refused;
        }

        var check = await CheckAsync(workspaceId, null, draft.Definition, draft.Text, ct);
        if (!check.IsValid)
        {
            return SegmentSaveResult.Invalid(check.Problems);
        }

        var saved = await store.CreateAsync(workspaceId, draft.Name!.Trim(), draft.Description, check.Json!, author, ct);
        if (saved.Segment is { } segment)
        {
            await recompute.EnqueueAsync(segment, SegmentRecompute.VersionKey(segment), ct);
            await sweep.StartAsync(ct);   // the sweep's chain runs while there are segments (idempotent by tick)
        }

        return saved;
    }

    /// <summary>Saves a new version; with <paramref name="expectedVersion"/> only when nobody saved since that one.</summary>
    public async Task<SegmentSaveResult> UpdateAsync(long workspaceId, long id, SegmentDraft draft, int? expectedVersion, string author, CancellationToken ct)
    {
        if (CheckFields(draft) is { } refused)
        {
            return refused;
        }

        var check = await CheckAsync(workspaceId, id, draft.Definition, draft.Text, ct);
        if (!check.IsValid)
        {
            return SegmentSaveResult.Invalid(check.Problems);
        }

        var saved = await store.SaveVersionAsync(workspaceId, id, draft.Name!.Trim(), draft.Description, check.Json!, expectedVersion, author, ct);
        if (saved.Segment is { } segment)
        {
            await recompute.EnqueueAsync(segment, SegmentRecompute.VersionKey(segment), ct);
            await sweep.StartAsync(ct);   // the sweep's chain runs while there are segments (idempotent by tick)
        }

        return saved;
    }

    /// <summary>Archives a segment (its members are dropped, its history kept); false when there is no such segment.</summary>
    public async Task<bool> ArchiveAsync(long workspaceId, long id, CancellationToken ct)
    {
        var readers = (await store.ListAsync(workspaceId, includeArchived: false, ct)).Where(s => s.Id != id && engine.ReadsSegments(s).Contains(id));
        if (!await store.ArchiveAsync(workspaceId, id, ct))
        {
            return false;
        }

        foreach (var reader in readers)
        {
            await recompute.EnqueueAsync(reader, null, ct);   // "in segment" of an archived segment holds for nobody
        }

        return true;
    }

    /// <summary>
    /// Restores an archived segment: active again, its members computed afresh (each gets a Segment Entered event, as
    /// archiving dropped them without exits), and the segments reading it recomputed after it. Null when the
    /// workspace has no such archived segment.
    /// </summary>
    public async Task<Segment?> RestoreAsync(long workspaceId, long id, CancellationToken ct)
    {
        if (await store.RestoreAsync(workspaceId, id, ct) is not { } segment)
        {
            return null;
        }

        await recompute.EnqueueAsync(segment, null, ct);
        await sweep.StartAsync(ct);   // the chain may have ended with the last active segment
        return segment;
    }

    /// <summary>Asks for a full recompute now; null when the workspace has no such active segment.</summary>
    public async Task<long?> RecomputeAsync(long workspaceId, long id, CancellationToken ct) =>
        await store.FindAsync(workspaceId, id, ct) is { Status: SegmentStatus.Active } segment
            ? await recompute.EnqueueAsync(segment, null, ct)
            : null;

    /// <summary>Size and a sample of members of an unsaved definition, from the SQL compiler; the check's problems when it is invalid.</summary>
    public async Task<(SegmentCheck Check, SegmentPreview? Preview)> PreviewAsync(
        long workspaceId, string? json, string? text, int sampleSize, CancellationToken ct)
    {
        var check = await CheckAsync(workspaceId, null, json, text, ct);
        if (!check.IsValid)
        {
            return (check, null);
        }

        var ids = await engine.MembersAsync(workspaceId, check.Tree!, ct);
        var sample = await members.ProfilesAsync(workspaceId, [.. ids.Order().Take(sampleSize)], ct);
        return (check, new SegmentPreview(ids.Count, sample));
    }

    public Task<Segment?> FindAsync(long workspaceId, long id, CancellationToken ct) => store.FindAsync(workspaceId, id, ct);

    public Task<IReadOnlyList<Segment>> ListAsync(long workspaceId, bool includeArchived, CancellationToken ct) =>
        store.ListAsync(workspaceId, includeArchived, ct);

    public Task<IReadOnlyList<SegmentVersion>?> VersionsAsync(long workspaceId, long id, CancellationToken ct) => store.VersionsAsync(workspaceId, id, ct);

    public Task<IReadOnlyList<SegmentMember>> MembersAsync(long workspaceId, long id, long afterProfileId, int limit, CancellationToken ct) =>
        members.PageAsync(workspaceId, id, afterProfileId, limit, ct);

    /// <summary>Every member in profile id order, read a page at a time (for exports of any size).</summary>
    public async IAsyncEnumerable<SegmentMember> AllMembersAsync(long workspaceId, long id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0L;
        while (true)
        {
            var page = await members.PageAsync(workspaceId, id, after, 5_000, ct);
            foreach (var member in page)
            {
                yield return member;
            }

            if (page.Count < 5_000)
            {
                yield break;
            }

            after = page[^1].ProfileId;
        }
    }

    public Task<IReadOnlyList<SegmentMembership>> ProfileSegmentsAsync(long workspaceId, long profileId, CancellationToken ct) =>
        members.OfProfileAsync(workspaceId, profileId, ct);

    /// <summary>One point per UTC day from <paramref name="from"/> to <paramref name="to"/>, days without changes carrying the size before them.</summary>
    public async Task<IReadOnlyList<SegmentSizePoint>> SizeHistoryAsync(long workspaceId, long id, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var fromDay = from.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        var toDay = to.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        var rows = await members.SizeRowsAsync(workspaceId, id, fromDay, toDay, ct);
        var points = new List<SegmentSizePoint>(toDay - fromDay + 1);
        var size = 0L;
        var next = 0;
        for (var day = fromDay; day <= toDay; day++)
        {
            long entered = 0, exited = 0;
            while (next < rows.Count && rows[next].Day <= day)
            {
                size = rows[next].Size;
                (entered, exited) = rows[next].Day == day ? (rows[next].Entered, rows[next].Exited) : (0, 0);
                next++;
            }

            points.Add(new SegmentSizePoint(DateOnly.FromDateTime(DateTime.UnixEpoch).AddDays(day), size, entered, exited));
        }

        return points;
    }

    private static SegmentSaveResult? CheckFields(SegmentDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > SegmentStore.MaxNameLength)
        {
            return SegmentSaveResult.Refused(SegmentSaveStatus.Invalid, "name", $"A name is 1 to {SegmentStore.MaxNameLength} characters.");
        }

        if (draft.Description is { Length: > MaxDescriptionLength })
        {
            return SegmentSaveResult.Refused(SegmentSaveStatus.Invalid, "description", $"A description is at most {MaxDescriptionLength} characters.");
        }

        return (draft.Definition is null) == (draft.Text is null)
            ? SegmentSaveResult.Refused(SegmentSaveStatus.Invalid, "definition", "Give the definition either as a JSON tree (definition) or in the text form (text), not both.")
            : null;
    }
}
