using System.Text;
using Kizuna.Ingestion;
using Kizuna.Storage;
using Microsoft.Data.Sqlite;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Profiles;

/// <summary>What an erasure must leave behind: nothing readable in the store's files, no way back in for the erased ids, no trace in the live stream.</summary>
public sealed class ErasureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erase_ThenCleanStop_LeavesNoTraceOfTheCustomerInTheSqliteFiles()
    {
        await using var host = await CoreHost.StartAsync();
        var marker = $"zq{Guid.NewGuid():N}"[..18];
        string[] traces = [$"{marker}@example.com", $"+81-{marker}", $"10.{marker}", $"trait-{marker}", $"event-{marker}"];
        var identify = Identify("erased-1", "device-1", $$"""{"email":"{{traces[0]}}","phone":"{{traces[1]}}","favourite":"{{traces[3]}}"}""");
        var track = Track("erased-1", null, "Product Viewed");
        await SubmitAsync(host, identify with { ContextJson = $$"""{"ip":"{{traces[2]}}"}""" }, track with { PropertiesJson = $$"""{"note":"{{traces[4]}}"}""" });
        var profileId = (await host.Get<ProfileService>().ResolveAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "erased-1"), Ct))!.Value;

        Assert.True(await host.Get<PrivacyService>().EraseAsync(host.Workspace.Id, profileId, suppress: false, Ct));
        await host.StopAsync();

        var file = new SqliteConnectionStringBuilder(((SqliteDatabase)host.Get<Database>()).ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, Ct);
            foreach (var trace in traces)
            {
                Assert.True(bytes.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(trace)) < 0, $"{Path.GetFileName(path)} still holds {trace}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Alias_FromAnErasedAnonymousId_IsSuppressedAndTheIdStaysOut(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        await SubmitAsync(host, Page(null, "erased-device"));
        var profileId = (await host.Get<ProfileService>().ResolveAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.AnonymousId, "erased-device"), Ct))!.Value;
        Assert.True(await host.Get<PrivacyService>().EraseAsync(host.Workspace.Id, profileId, suppress: true, Ct));

        var alias = await SubmitAsync(host, Alias("new-user", "erased-device"));
        var later = await SubmitAsync(host, Page(null, "erased-device"));
        var other = await SubmitAsync(host, Page(null, "another-device"));

        Assert.Equal(new IngestResult(0, 0, 1), alias);
        Assert.Equal(new IngestResult(0, 0, 1), later);
        Assert.Equal(new IngestResult(1, 0, 0), other);
        Assert.Null(await host.Get<ProfileService>().ResolveAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "new-user"), Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Alias_ToAnErasedUserId_IsSuppressed(string engine)
    {
        await using var host = await CoreHost.StartAsync(engine);
        await SubmitAsync(host, Track("erased-user", null, "Signed In"));
        var profileId = (await host.Get<ProfileService>().ResolveAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "erased-user"), Ct))!.Value;
        Assert.True(await host.Get<PrivacyService>().EraseAsync(host.Workspace.Id, profileId, suppress: true, Ct));

        Assert.Equal(new IngestResult(0, 0, 1), await SubmitAsync(host, Alias("someone-else", "erased-user")));
    }

    [Fact]
    public async Task Erase_RemovesTheProfilesEventsFromTheLiveStreamAndSaysSo()
    {
        await using var host = await CoreHost.StartAsync();
        await SubmitAsync(host, Track("live-erased", "live-device", "Product Viewed"), Track("live-kept", null, "Product Viewed"));
        // A profile merged into the erased one goes with it, with its events.
        await SubmitAsync(host, Track(null, "merged-device", "Cart Viewed"), Track("live-erased", "merged-device", "Checkout Started"));
        var feed = host.Get<LiveEventFeed>();
        var updated = new List<long>();
        feed.Updated += workspaces => updated.AddRange(workspaces);
        var profileId = (await host.Get<ProfileService>().ResolveAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "live-erased"), Ct))!.Value;
        var kept = (await host.Get<ProfileService>().ResolveAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "live-kept"), Ct))!.Value;
        Assert.Equal(4, feed.Recent(host.Workspace.Id).Count);

        Assert.True(await host.Get<PrivacyService>().EraseAsync(host.Workspace.Id, profileId, suppress: false, Ct));

        Assert.Equal([kept], feed.Recent(host.Workspace.Id).Select(e => e.ProfileId));
        Assert.Equal([host.Workspace.Id], updated);
    }

    private static async Task<IngestResult> SubmitAsync(CoreHost host, params IngestMessage[] messages) =>
        await host.Get<IngestionPipeline>().SubmitAsync(new IngestBatch(host.Workspace.Id, messages), Ct);
}
