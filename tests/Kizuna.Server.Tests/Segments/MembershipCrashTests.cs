using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Kizuna.Server.Work;
using Kizuna.Work.Changes;
using Kizuna.Workspaces;

namespace Kizuna.Server.Segments;

/// <summary>
/// Real-time membership across a SIGKILL: a server keeping three segments current is killed in the middle of a
/// stream of events while profiles are crossing into them, restarted, and once it has caught up every profile that
/// qualifies is a member and has exactly one Segment Entered event, and no one else is a member.
/// </summary>
public sealed class MembershipCrashTests
{
    /// <summary>The segments' thresholds: the load's 97 profiles view products in turn, so they cross each one together.</summary>
    private static readonly int[] Thresholds = [10, 25, 40];

    [Fact]
    public async Task Membership_ServerKilledMidStream_EveryQualifyingProfileEntersOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await ServerStore.CreateAsync("sqlite", ct);
        var secret = (await new ApiKeyService(store.Database, TimeProvider.System).CreateAsync(
            store.WorkspaceId, ApiKeyKind.Secret, "Segments", [Scopes.SegmentsRead, Scopes.SegmentsWrite], ct)).Secret;
        // The restarted process is a new node: it takes the consumer over when the dead one's lease expires.
        string[] settings = ["--ChangeFeed:LeaseDuration=00:00:02"];
        var load = new TrackLoad("segment-crash", senders: 4, batchesPerSender: 40);
        var segments = new List<long>();
        await using (var server = await ServerProcess.StartAsync(store.Arguments, settings, ct))
        {
            using var http = Client(server.Address, secret);
            foreach (var threshold in Thresholds)
            {
                using var created = await http.PostAsJsonAsync(
                    new Uri("/api/segments", UriKind.Relative),
                    new { name = $"Viewed {threshold}", text = $"""performed("Product Viewed", count >= {threshold})""" }, ct);
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(ct));
                segments.Add((await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64());
            }

            // Everyone crosses the lowest threshold around 1,000 events and the highest around 3,900: kill in between.
            var sending = load.RunAsync([server.Address], store.WriteKey, ct);
            while (load.Acknowledged.Count < 2_000 && !sending.IsCompleted)
            {
                await Task.Delay(10, ct);
            }

            await server.KillAsync();
            await sending;
            Assert.True(load.Acknowledged.Count < load.Total, "The load finished before the server was killed.");
        }

        await using (var restarted = await ServerProcess.StartAsync(store.Arguments, settings, ct))
        {
            // The stream goes on to the restarted server, the same profiles crossing the higher thresholds.
            await new TrackLoad("segment-crash-after", senders: 2, batchesPerSender: 20, users: "segment-crash").RunAsync([restarted.Address], store.WriteKey, ct);
            await CaughtUpAsync(store, ct);
        }

        await using var connection = await store.Database.OpenAsync(ct);
        for (var i = 0; i < segments.Count; i++)
        {
            var qualifying = (await connection.QueryAsync<long>(
                "SELECT profile_id FROM events WHERE workspace_id = @ws AND name = 'Product Viewed' GROUP BY profile_id HAVING count(*) >= @threshold ORDER BY profile_id",
                new { ws = store.WorkspaceId, threshold = Thresholds[i] })).ToList();
            var members = (await connection.QueryAsync<long>(
                "SELECT profile_id FROM segment_members WHERE workspace_id = @ws AND segment_id = @id ORDER BY profile_id",
                new { ws = store.WorkspaceId, id = segments[i] })).ToList();
            var entered = (await connection.QueryAsync<(long ProfileId, long Count)>(
                "SELECT profile_id, count(*) FROM events WHERE workspace_id = @ws AND name = 'Segment Entered' AND message_id LIKE @prefix GROUP BY profile_id ORDER BY profile_id",
                new { ws = store.WorkspaceId, prefix = string.Create(CultureInfo.InvariantCulture, $"segment:{segments[i]}:%") })).ToList();

            Assert.NotEmpty(qualifying);
            Assert.Equal(qualifying, members);
            Assert.Equal(qualifying, entered.Select(e => e.ProfileId));
            Assert.All(entered, e => Assert.Equal(1, e.Count));
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM events WHERE name = 'Segment Exited'"));
    }

    private static HttpClient Client(Uri address, string secret)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }

    /// <summary>Waits until the segments consumer holds its lease at the feed's end and no transition waits for its event.</summary>
    private static async Task CaughtUpAsync(ServerStore store, CancellationToken ct)
    {
        var feed = new ChangeFeed(store.Database, TimeProvider.System, []);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var lag = (await feed.LagAsync(ct)).SingleOrDefault(l => l.Consumer == "segments");
            await using var connection = await store.Database.OpenAsync(ct);
            var pending = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM segment_transitions");
            if (lag is { Behind: 0, Owner: not null } && pending == 0)
            {
                return;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMinutes(2), $"Membership did not catch up within two minutes: {lag}, {pending} pending");
            await Task.Delay(100, ct);
        }
    }
}
