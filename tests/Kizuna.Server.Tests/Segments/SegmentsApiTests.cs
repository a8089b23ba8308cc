using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kizuna.Ingestion;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace Kizuna.Server.Segments;

/// <summary>The segments API through the real server: saves, checks, previews, members, sizes and memberships.</summary>
public sealed class SegmentsApiTests
{
    private static readonly string[] ReadWrite = [Scopes.SegmentsRead, Scopes.SegmentsWrite, Scopes.ProfilesRead];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task CreateThenRead_GoldCustomers_MembersSizesCsvAndMembershipsAgree(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, ReadWrite, Ct));
        await IngestAsync(app, workspace.Id, ("gold-1", "gold"), ("gold-2", "gold"), ("free-1", "free"));

        var created = await client.PostAsJsonAsync("/api/segments", new SaveSegmentRequest("Gold", Text: """trait.plan = "gold" """, Description: "ゴールド会員"), Ct);
        var segment = (await created.Content.ReadFromJsonAsync<SegmentResponse>(Ct))!;
        var computed = await UntilComputedAsync(client, segment.Id);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/segments/{segment.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal("""trait.plan = "gold" """.Trim(), segment.Text);
        Assert.Equal("trait", segment.Definition.GetProperty("kind").GetString());
        Assert.Equal(2, computed.Size);
        var list = await client.GetFromJsonAsync<List<SegmentResponse>>("/api/segments", Ct);
        Assert.Equal(2, Assert.Single(list!).Size);

        var first = await client.GetFromJsonAsync<SegmentMembersResponse>($"/api/segments/{segment.Id}/members?limit=1", Ct);
        var second = await client.GetFromJsonAsync<SegmentMembersResponse>($"/api/segments/{segment.Id}/members?limit=1&after={first!.Next}", Ct);
        var third = await client.GetFromJsonAsync<SegmentMembersResponse>($"/api/segments/{segment.Id}/members?limit=1&after={second!.Next}", Ct);
        Assert.Equal(["gold-1", "gold-2"], first.Items.Concat(second.Items).Select(m => m.UserId).Order());
        Assert.Empty(third!.Items);
        Assert.Null(third.Next);

        var csv = await client.GetStringAsync($"/api/segments/{segment.Id}/members.csv", Ct);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("profile_id,user_id,email,entered_at", lines[0].TrimEnd('\r'));
        Assert.Equal(3, lines.Length);

        var sizes = await client.GetFromJsonAsync<List<SegmentSizeResponse>>($"/api/segments/{segment.Id}/sizes", Ct);
        Assert.Equal(30, sizes!.Count);
        Assert.Equal((2L, 2L), (sizes[^1].Size, sizes[^1].Entered));

        var profileId = first.Items[0].ProfileId;
        var memberships = await client.GetFromJsonAsync<List<ProfileSegmentResponse>>($"/api/profiles/{profileId}/segments", Ct);
        Assert.Equal("Gold", Assert.Single(memberships!).Name);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Create_WrongOperatorInTheTree_400NamingTheNodeAndNothingStored(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, ReadWrite, Ct));

        var response = await client.PostAsync("/api/segments", Json("""
            {"name":"Bad","definition":{"kind":"and","conditions":[
              {"kind":"trait","name":"plan","type":"string","op":"equals","value":"gold"},
              {"kind":"trait","name":"age","type":"number","op":"starts_with","value":1}]}}
            """), Ct);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem!.Errors.Keys, k => k.StartsWith("definition.conditions[1]", StringComparison.Ordinal));
        Assert.Empty((await client.GetFromJsonAsync<List<SegmentResponse>>("/api/segments?archived=true", Ct))!);
    }

    [Fact]
    public async Task CreateAndValidate_TextSyntaxError_400And200WithLineAndColumn()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, ReadWrite, Ct));
        const string text = "trait.plan = \"gold\" and\nperformed(\"Order Completed\", count >= )";

        var created = await client.PostAsJsonAsync("/api/segments", new SaveSegmentRequest("Bad", Text: text), Ct);
        var validated = await client.PostAsJsonAsync("/api/segments/validate", new SegmentDefinitionRequest(Text: text), Ct);
        var problem = await created.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        var check = await validated.Content.ReadFromJsonAsync<ValidateSegmentResponse>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.StartsWith("line 2, column ", Assert.Single(problem!.Errors["text"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        Assert.False(check!.Valid);
        Assert.Equal(2, Assert.Single(check.Problems).Line);
    }

    [Fact]
    public async Task Preview_UnsavedDefinition_SizeAndSample()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.SegmentsRead, Scopes.ProfilesRead], Ct));
        await IngestAsync(app, workspace.Id, ("gold-1", "gold"), ("free-1", "free"));

        var response = await client.PostAsJsonAsync("/api/segments/preview", new SegmentDefinitionRequest(Text: """trait.plan = "gold" """), Ct);
        var preview = await response.Content.ReadFromJsonAsync<PreviewSegmentResponse>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, preview!.Size);
        Assert.Equal("gold-1", Assert.Single(preview.Sample).UserId);
    }

    [Theory]
    [InlineData("GET", "/api/segments/abc", "id")]
    [InlineData("GET", "/api/segments/1/members?limit=0", "limit")]
    [InlineData("GET", "/api/segments/1/members?after=-1", "after")]
    [InlineData("GET", "/api/segments/1/sizes?from=2026-12-02&to=2026-12-01", "from")]
    [InlineData("GET", "/api/segments/1/sizes?from=2020-01-01&to=2026-12-01", "from")]
    [InlineData("GET", "/api/segments/1/sizes?from=yesterday", "from")]
    [InlineData("GET", "/api/segments/1/sizes?to=0001-01-01", "to")]
    [InlineData("POST", "/api/segments/preview", "definition")]
    [InlineData("POST", "/api/segments/validate", "definition")]
    [InlineData("POST", "/api/segments", "name")]
    public async Task BadInput_400NamingTheField(string method, string path, string field)
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, ReadWrite, Ct));

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Json("""{"text":"trait.a = 1","definition":{"kind":"bucket"}}""") : null };
        var response = await client.SendAsync(request, Ct);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Our own checks list the field under errors; values the framework cannot bind are named in the detail.
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
            || (problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains($" {field}\"", StringComparison.Ordinal)), problem.ToString());
    }

    [Fact]
    public async Task UpdateRecomputeArchive_Segment_VersionsJobAndGone()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, ReadWrite, Ct));
        var created = await client.PostAsJsonAsync("/api/segments", new SaveSegmentRequest("Plan", Text: """trait.plan = "gold" """), Ct);
        var id = (await created.Content.ReadFromJsonAsync<SegmentResponse>(Ct))!.Id;

        var updated = await client.PutAsJsonAsync($"/api/segments/{id}", new SaveSegmentRequest("Plan", Text: """trait.plan = "free" """, ExpectedVersion: 1), Ct);
        var stale = await client.PutAsJsonAsync($"/api/segments/{id}", new SaveSegmentRequest("Plan", Text: """trait.plan = "x" """, ExpectedVersion: 1), Ct);
        var versions = await client.GetFromJsonAsync<List<SegmentVersionResponse>>($"/api/segments/{id}/versions", Ct);
        var recompute = await client.PostAsync($"/api/segments/{id}/recompute", null, Ct);
        var archived = await client.DeleteAsync($"/api/segments/{id}", Ct);
        var missing = await client.PostAsync("/api/segments/999999/recompute", null, Ct);

        Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<SegmentResponse>(Ct))!.Version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal([2, 1], versions!.Select(v => v.Version));
        Assert.Equal(HttpStatusCode.Accepted, recompute.StatusCode);
        Assert.True((await recompute.Content.ReadFromJsonAsync<RecomputeSegmentResponse>(Ct))!.JobId > 0);
        Assert.Equal(HttpStatusCode.NoContent, archived.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<List<SegmentResponse>>("/api/segments", Ct))!);
    }

    [Fact]
    public async Task Restore_ArchivedSegment_ActiveAgainWithItsMembersComputedAfresh()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, ReadWrite, Ct));
        await IngestAsync(app, workspace.Id, ("r-1", "gold"), ("r-2", "free"));
        var created = await client.PostAsJsonAsync("/api/segments", new SaveSegmentRequest("Gold", Text: """trait.plan = "gold" """), Ct);
        var id = (await created.Content.ReadFromJsonAsync<SegmentResponse>(Ct))!.Id;
        Assert.Equal(1, (await UntilComputedAsync(client, id)).Size);
        await client.DeleteAsync($"/api/segments/{id}", Ct);
        Assert.Equal(0, (await client.GetFromJsonAsync<SegmentResponse>($"/api/segments/{id}", Ct))!.Size);

        var notArchived = await client.PostAsync("/api/segments/999999/restore", null, Ct);
        var restored = await client.PostAsync($"/api/segments/{id}/restore", null, Ct);
        var again = await client.PostAsync($"/api/segments/{id}/restore", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, notArchived.StatusCode);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("active", (await restored.Content.ReadFromJsonAsync<SegmentResponse>(Ct))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        // The fresh computation enters the member again.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await client.GetFromJsonAsync<SegmentResponse>($"/api/segments/{id}", Ct))!.Size != 1)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The restored segment was not computed within 30 seconds.");
            await Task.Delay(20, Ct);
        }
    }

    private static async Task IngestAsync(KizunaApplication app, long workspaceId, params (string User, string Plan)[] profiles)
    {
        var now = app.Service<TimeProvider>().GetUtcNow();
        await app.Service<IngestionPipeline>().SubmitAsync(new IngestBatch(workspaceId, [.. profiles.Select(p => new IngestMessage
        {
            Type = MessageType.Identify,
            MessageId = Guid.NewGuid().ToString(),
            UserId = p.User,
            TraitsJson = $$"""{"plan":"{{p.Plan}}"}""",
            Timestamp = now,
            ReceivedAt = now,
        })]), Ct);
    }

    private static async Task<SegmentResponse> UntilComputedAsync(HttpClient client, long id)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var segment = await client.GetFromJsonAsync<SegmentResponse>($"/api/segments/{id}", Ct);
            if (segment!.ComputedAt is not null)
            {
                return segment;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The segment's recompute job did not run within 30 seconds.");
            await Task.Delay(20, Ct);
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
