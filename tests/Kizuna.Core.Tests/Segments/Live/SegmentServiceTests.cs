using Kizuna.Storage;

namespace Kizuna.Segments.Live;

public sealed class SegmentServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_TextForm_StoresVersionOneAndTheRecomputeFindsTheMembers(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false);
        await live.IngestAsync(live.Identify("jp-1", """{"country":"JP"}"""), live.Identify("us-1", """{"country":"US"}"""));

        var segment = await live.CreateAsync("Japan", """trait.country = "JP" """);
        await live.ComputedAsync(segment);

        Assert.Equal(1, segment.Version);
        Assert.Equal([await live.ProfileOfAsync("jp-1")], await live.MembersAsync(segment));
        Assert.Equal(1, (await live.Segments.FindAsync(live.Ws, segment.Id, Ct))!.MemberCount);
        var version = Assert.Single((await live.Segments.VersionsAsync(live.Ws, segment.Id, Ct))!);
        Assert.Equal("user:1", version.CreatedBy);
        Assert.Single(await live.EventsAsync(SegmentEvents.Entered, await live.ProfileOfAsync("jp-1")));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_SyntaxError_RefusedWithLineAndColumnAndNothingStored(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false);

        var result = await live.Segments.CreateAsync(live.Ws, new SegmentDraft("Broken", null, null, "trait.country = \"JP\" and\n  performed(\"Order Completed\", count >= )"), "user:1", Ct);

        Assert.Equal(SegmentSaveStatus.Invalid, result.Status);
        var problem = Assert.Single(result.Problems!);
        Assert.Equal(2, problem.Line);
        Assert.NotNull(problem.Column);
        Assert.Empty(await live.Segments.ListAsync(live.Ws, includeArchived: true, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_ReferenceBackToItself_RefusedAsACycle(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false);
        var a = await live.CreateAsync("A", """trait.plan = "gold" """);
        var b = await live.CreateAsync("B", $"in_segment({a.Id})");

        var result = await live.Segments.UpdateAsync(live.Ws, a.Id, new SegmentDraft("A", null, null, $"in_segment({b.Id})"), null, "user:1", Ct);

        Assert.Equal(SegmentSaveStatus.Invalid, result.Status);
        Assert.Contains(result.Problems!, p => p.Message.Contains("cycle", StringComparison.OrdinalIgnoreCase));
        Assert.Single((await live.Segments.VersionsAsync(live.Ws, a.Id, Ct))!);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UpdateAsync_NewDefinition_NewVersionAndTheMembersFollowIt(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false);
        await live.IngestAsync(live.Identify("gold-1", """{"plan":"gold"}"""), live.Identify("free-1", """{"plan":"free"}"""));
        var segment = await live.CreateAsync("Plan", """trait.plan = "gold" """);
        await live.ComputedAsync(segment);

        var saved = await live.Segments.UpdateAsync(live.Ws, segment.Id, new SegmentDraft("Plan", "free now", null, """trait.plan = "free" """), 1, "key:7", Ct);
        await live.UntilAsync(async () => (await live.MembersAsync(segment)) is [var only] && only == await live.ProfileOfAsync("free-1"));

        Assert.Equal(2, saved.Segment!.Version);
        Assert.Equal(["key:7", "user:1"], (await live.Segments.VersionsAsync(live.Ws, segment.Id, Ct))!.Select(v => v.CreatedBy));
        Assert.Single(await live.EventsAsync(SegmentEvents.Exited, await live.ProfileOfAsync("gold-1")));
        var stale = await live.Segments.UpdateAsync(live.Ws, segment.Id, new SegmentDraft("Plan", null, null, """trait.plan = "x" """), 1, "user:1", Ct);
        Assert.Equal(SegmentSaveStatus.VersionConflict, stale.Status);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task PreviewAsync_UnsavedDefinition_SizeAndSampleWithoutStoringAnything(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false);
        await live.IngestAsync([.. Enumerable.Range(0, 5).Select(i => live.Identify($"p-{i}", """{"plan":"gold"}"""))]);

        var (check, preview) = await live.Segments.PreviewAsync(live.Ws, null, """trait.plan = "gold" """, 3, Ct);

        Assert.True(check.IsValid);
        Assert.Equal(5, preview!.Size);
        Assert.Equal(3, preview.Sample.Count);
        Assert.All(preview.Sample, p => Assert.StartsWith("p-", p.UserId, StringComparison.Ordinal));
        Assert.Empty(await live.Segments.ListAsync(live.Ws, includeArchived: true, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ArchiveAsync_Segment_MembersDroppedHistoryKeptAndNoNewVersions(string engine)
    {
        await using var live = await LiveHost.StartAsync(engine, realTime: false);
        await live.IngestAsync(live.Identify("gold-1", """{"plan":"gold"}"""));
        var segment = await live.CreateAsync("Gold", """trait.plan = "gold" """);
        await live.ComputedAsync(segment);

        Assert.True(await live.Segments.ArchiveAsync(live.Ws, segment.Id, Ct));

        Assert.Empty(await live.MembersAsync(segment));
        Assert.Empty(await live.Segments.ListAsync(live.Ws, includeArchived: false, Ct));
        Assert.Equal(SegmentStatus.Archived, (await live.Segments.FindAsync(live.Ws, segment.Id, Ct))!.Status);
        var saved = await live.Segments.UpdateAsync(live.Ws, segment.Id, new SegmentDraft("Gold", null, null, """trait.plan = "x" """), null, "user:1", Ct);
        Assert.Equal(SegmentSaveStatus.Archived, saved.Status);
    }

    [Fact]
    public async Task UpdateAsync_RenamedToANameAnotherSaveTakesMeanwhile_RefusedAsTaken()
    {
        await using var live = await LiveHost.StartAsync("postgres", realTime: false);
        var a = await live.CreateAsync("A", """trait.plan = "gold" """);
        var b = await live.CreateAsync("B", """trait.plan = "silver" """);
        await live.ComputedAsync(a);
        await live.ComputedAsync(b);   // no recompute left to wait on A's row lock below
        await using var other = await live.Core.Get<Database>().OpenAsync(Ct);
        await using var renaming = await other.BeginTransactionAsync(Ct);
        await Dapper.SqlMapper.ExecuteAsync(other, "UPDATE segments SET name = 'VIP' WHERE id = @id", new { id = a.Id }, renaming);

        // B's save passes the name check (A's rename is not committed), then waits on the unique index for it.
        var saving = live.Segments.UpdateAsync(live.Ws, b.Id, new SegmentDraft("VIP", null, null, """trait.plan = "silver" """), null, "user:1", Ct);
        await live.UntilAsync(async () => await live.ScalarAsync(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") > 0);
        await renaming.CommitAsync(Ct);

        var result = await saving;
        Assert.Equal(SegmentSaveStatus.NameTaken, result.Status);
        Assert.Equal("name", Assert.Single(result.Problems!).Path);
        Assert.Equal("B", (await live.Segments.FindAsync(live.Ws, b.Id, Ct))!.Name);
    }
}
