using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kizuna.Work.Jobs;
using Kizuna.Workspaces;

namespace Kizuna.Server.Operations;

public sealed class OperationsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Operations_DueAndDeadJobs_AreCountedListedAndRetried(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var other = await app.CreateWorkspaceAsync(Ct);
        var queue = app.Service<JobQueue>();
        // A queue no handler works: its jobs stay where the test puts them.
        var queueName = $"ops-{Guid.NewGuid():N}";
        var deadId = await queue.EnqueueAsync(new NewJob(queueName, "{}", Key: "doomed", WorkspaceId: workspace.Id, MaxAttempts: 1), Ct);
        var claimed = Assert.Single(await queue.ClaimAsync(queueName, 10, TimeSpan.FromMinutes(1), Ct));
        Assert.True(await queue.FailAsync(claimed, "The provider answered 500 Internal Server Error", Ct));
        await queue.EnqueueAsync(new NewJob(queueName, "{}", Key: "waiting", WorkspaceId: workspace.Id), Ct);
        var admin = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.OperationsRead, Scopes.OperationsManage], Ct));
        var stranger = app.CreateAdminClient(await app.CreateSecretKeyAsync(other.Id, [Scopes.OperationsRead, Scopes.OperationsManage], Ct));

        var before = await QueueAsync(admin, queueName);
        var dead = Assert.Single(await admin.GetFromJsonAsync<JsonArray>("/api/operations/dead-jobs", Ct) ?? []);
        var strangersDead = await stranger.GetFromJsonAsync<JsonArray>("/api/operations/dead-jobs", Ct);
        var strangersRetry = await stranger.PostAsync(new Uri($"/api/operations/dead-jobs/{deadId}/retry", UriKind.Relative), null, Ct);
        var retry = await admin.PostAsync(new Uri($"/api/operations/dead-jobs/{deadId}/retry", UriKind.Relative), null, Ct);
        var again = await admin.PostAsync(new Uri($"/api/operations/dead-jobs/{deadId}/retry", UriKind.Relative), null, Ct);
        var after = await QueueAsync(admin, queueName);

        Assert.Equal((1, 1), ((long)before["due"]!, (long)before["dead"]!));
        Assert.Equal(deadId, (long)dead!["id"]!);
        Assert.Equal("doomed", (string?)dead["key"]);
        Assert.Equal("The provider answered 500 Internal Server Error", (string?)dead["lastError"]);
        Assert.Empty(strangersDead!);
        Assert.Equal(HttpStatusCode.NotFound, strangersRetry.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal((2, 0), ((long)after["due"]!, (long)after["dead"]!));
    }

    [Fact]
    public async Task Operations_KeyWithoutScope_Is403()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var reader = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.OperationsRead], Ct));

        var read = await reader.GetAsync(new Uri("/api/operations", UriKind.Relative), Ct);
        var retry = await reader.PostAsync(new Uri("/api/operations/dead-jobs/1/retry", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retry.StatusCode);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Health_JobWaitingPastTheLimit_IsDegradedAndStill200(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var client = app.CreateClient();
        var fresh = await client.GetFromJsonAsync<JsonObject>("/health", Ct);
        var queue = app.Service<JobQueue>();
        var now = app.Service<TimeProvider>().GetUtcNow();
        await queue.EnqueueAsync(new NewJob($"ops-{Guid.NewGuid():N}", "{}", DueAt: now.AddMinutes(-10)), Ct);

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
        var health = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal("healthy", (string?)fresh!["status"]);
        Assert.Equal(["database", "jobs", "changes"], fresh["checks"]!.AsArray().Select(c => (string?)c!["name"]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", (string?)health!["status"]);
        var jobs = health["checks"]!.AsArray().Single(c => (string?)c!["name"] == "jobs")!;
        Assert.Equal("degraded", (string?)jobs["status"]);
        Assert.Contains("1 due", (string?)jobs["description"], StringComparison.Ordinal);
    }

    private static async Task<JsonObject> QueueAsync(HttpClient client, string queue)
    {
        var operations = await client.GetFromJsonAsync<JsonObject>("/api/operations", Ct);
        return (JsonObject)operations!["queues"]!.AsArray().Single(q => (string?)q!["queue"] == queue)!;
    }
}
