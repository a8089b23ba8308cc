using System.Text.Json;
using Kizuna.Storage;
using Microsoft.Extensions.Options;

namespace Kizuna.Work.Changes;

public sealed class EventArchiveTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task HandleAsync_ChangesHandedOverTwice_OneFilePerChangeWithEveryEventOnce(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        var folder = Directory.CreateTempSubdirectory("kizuna-archive-");
        try
        {
            var archive = new EventArchive(Options.Create(new ArchiveOptions { Folder = folder.FullName }));
            var worker = f.Worker(archive, "node-a");
            await worker.RunOnceAsync(Ct);
            await f.WriteAsync("m-1", "m-2");
            await f.WriteAsync("m-3");
            var changes = await f.Feed.ReadAsync(ChangePosition.Start, 10, Ct);

            await archive.HandleAsync(changes, Ct);
            await archive.HandleAsync(changes, Ct);   // after a crash before the cursor moved

            var files = folder.GetFiles("*", SearchOption.AllDirectories).OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
            Assert.Equal([$"{changes[0].Position}.ndjson", $"{changes[1].Position}.ndjson"], files.Select(file => file.Name));
            Assert.All(files, file => Assert.Equal("2026-12-01", file.Directory!.Name));
            var lines = files.SelectMany(file => File.ReadAllLines(file.FullName)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["m-1", "m-2", "m-3"], lines.Select(l => l.GetProperty("messageId").GetString()));
            var first = lines[0];
            Assert.Equal(changes[0].Events[0].EventId, first.GetProperty("eventId").GetGuid());
            Assert.Equal("track", first.GetProperty("type").GetString());
            Assert.Equal("Product Viewed", first.GetProperty("name").GetString());
            Assert.Equal(Ingestion.Messages.T0, first.GetProperty("timestamp").GetDateTimeOffset());
            Assert.Equal(JsonValueKind.Object, first.GetProperty("properties").ValueKind);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task HandleAsync_Erasure_WrittenToTheErasuresFolderForTheOperatorsPipeline(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var f = new FeedFixture(store);
        var folder = Directory.CreateTempSubdirectory("kizuna-archive-");
        try
        {
            var archive = new EventArchive(Options.Create(new ArchiveOptions { Folder = folder.FullName }));
            var erasure = new Change(new ChangePosition(0, 7), f.Time.GetUtcNow(), [], [], [], [(FeedFixture.Ws, 42)]);

            await archive.HandleAsync([erasure], Ct);

            var file = Assert.Single(folder.GetFiles("*", SearchOption.AllDirectories));
            Assert.Equal(Path.Combine(folder.FullName, "erasures", "2026-12-01", $"{erasure.Position}.ndjson"), file.FullName);
            var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(file.FullName))).RootElement;
            Assert.Equal((FeedFixture.Ws, 42L), (line.GetProperty("workspaceId").GetInt64(), line.GetProperty("profileId").GetInt64()));
            Assert.Equal(f.Time.GetUtcNow(), line.GetProperty("erasedAt").GetDateTimeOffset());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Enabled_NoFolder_IsOff()
    {
        Assert.False(new EventArchive(Options.Create(new ArchiveOptions())).Enabled);
        Assert.True(new EventArchive(Options.Create(new ArchiveOptions { Folder = "archive" })).Enabled);
    }
}
