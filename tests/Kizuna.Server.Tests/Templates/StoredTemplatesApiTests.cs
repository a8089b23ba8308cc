using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Profiles;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace Kizuna.Server.Templates;

/// <summary>Stored templates, content blocks and renders for a real customer through the real server.</summary>
public sealed class StoredTemplatesApiTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Preview_ProfileIdOfTheWorkspace_RendersTheCustomer(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead, Scopes.ProfilesRead], Ct));
        var profileId = await IngestHanakoAsync(app, workspace.Id);

        var response = await client.PostAsJsonAsync("/api/templates/preview", new PreviewTemplateRequest(
            """{{ customer.first_name }}様、ご注文 {{ order.id }} ありがとうございます。{{ order.placed_at | date: "%m/%d %H:%M" }} 累計 {{ customer.total_spent | currency: "JPY", "ja-JP" }}""",
            ProfileId: profileId), Ct);
        var body = await response.Content.ReadFromJsonAsync<PreviewTemplateResponse>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("花子様、ご注文 o-2002 ありがとうございます。11/02 19:00 累計 ￥12,800", body!.Output);
    }

    [Fact]
    public async Task PreviewAndRender_ProfileIdAsTheNumberTheProfilesApiAnswers_RenderTheCustomer()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(
            workspace.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.ProfilesRead], Ct));
        var profileId = long.Parse(await IngestHanakoAsync(app, workspace.Id), CultureInfo.InvariantCulture);
        var created = await client.PostAsJsonAsync("/api/templates", new CreateTemplateRequest("greeting", "{{ customer.first_name }}様"), Ct);
        var template = await created.Content.ReadFromJsonAsync<TemplateResponse>(Ct);

        var preview = await client.PostAsync("/api/templates/preview", Json("""{"template":"{{ customer.last_name }}様","profileId":""" + profileId + "}"), Ct);
        var render = await client.PostAsync($"/api/templates/{template!.Id}/render", Json("""{"profileId":""" + profileId + "}"), Ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("山田様", (await preview.Content.ReadFromJsonAsync<PreviewTemplateResponse>(Ct))!.Output);
        Assert.Equal(HttpStatusCode.OK, render.StatusCode);
        Assert.Equal("花子様", (await render.Content.ReadFromJsonAsync<RenderTemplateResponse>(Ct))!.Output);
    }

    [Fact]
    public async Task Preview_ProfileOfAnotherWorkspace_Returns404()
    {
        await using var app = new KizunaApplication();
        var mine = await app.CreateWorkspaceAsync(Ct);
        var theirs = await app.CreateWorkspaceAsync(Ct);
        var theirProfile = await IngestHanakoAsync(app, theirs.Id);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(mine.Id, [Scopes.TemplatesRead, Scopes.ProfilesRead], Ct));

        var response = await client.PostAsJsonAsync("/api/templates/preview", new PreviewTemplateRequest("{{ customer.email }}", ProfileId: theirProfile), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithoutTemplatesWrite_Returns403AndStoresNothing()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead, Scopes.ProfilesRead], Ct));

        var response = await client.PostAsJsonAsync("/api/templates", new CreateTemplateRequest("welcome", "Hi"), Ct);
        var list = await client.GetFromJsonAsync<List<TemplateSummaryResponse>>("/api/templates", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(list!);
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task CreateSaveAndRender_WithContentBlock_RendersEachVersionForTheCustomer(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.ProfilesRead], Ct));
        var profileId = await IngestHanakoAsync(app, workspace.Id);

        var footer = await client.PostAsJsonAsync("/api/templates", new CreateTemplateRequest("footer", "絆ストア", Kind: "content_block"), Ct);
        var created = await client.PostAsJsonAsync("/api/templates", new CreateTemplateRequest(
            "order_thanks", "{{ customer.name }}様\n{% content_block \"footer\" %}", Subject: "ご注文 {{ order.id }}"), Ct);
        var template = (await created.Content.ReadFromJsonAsync<TemplateResponse>(Ct))!;
        var footerId = (await footer.Content.ReadFromJsonAsync<TemplateResponse>(Ct))!.Id;
        var saved = await client.PutAsJsonAsync($"/api/templates/{footerId}", new UpdateTemplateRequest("絆ストア 公式", ExpectedVersion: 1), Ct);
        var stale = await client.PutAsJsonAsync($"/api/templates/{footerId}", new UpdateTemplateRequest("old editor", ExpectedVersion: 1), Ct);
        var render = await client.PostAsJsonAsync($"/api/templates/{template.Id}/render", new RenderTemplateRequest(ProfileId: profileId), Ct);
        var rendered = (await render.Content.ReadFromJsonAsync<RenderTemplateResponse>(Ct))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/templates/{template.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (saved.StatusCode, stale.StatusCode));
        Assert.Equal(("ご注文 o-2002", "山田 花子様\n絆ストア 公式"), (rendered.Subject, rendered.Output));
        var versions = await client.GetFromJsonAsync<List<TemplateVersionResponse>>($"/api/templates/{footerId}/versions", Ct);
        Assert.Equal([2, 1], versions!.Select(v => v.Version));
        var first = await client.GetFromJsonAsync<TemplateResponse>($"/api/templates/{footerId}/versions/1", Ct);
        Assert.Equal(("絆ストア", 2), (first!.Body, first.CurrentVersion));
        var blocks = await client.GetFromJsonAsync<List<TemplateSummaryResponse>>("/api/templates?kind=content_block", Ct);
        Assert.Equal(["footer"], blocks!.Select(b => b.Name));
    }

    [Fact]
    public async Task Create_BodyDoesNotParse_Returns400WithLineAndColumn()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        using var client = app.CreateAdminClient(await app.CreateSecretKeyAsync(workspace.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.ProfilesRead], Ct));

        var response = await client.PostAsJsonAsync("/api/templates", new CreateTemplateRequest("broken", "こんにちは\n{{ customer.name "), Ct);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Syntax at 2:", Assert.Single(problem!.Errors["body"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TemplateOfAnotherWorkspace_Returns404()
    {
        await using var app = new KizunaApplication();
        var mine = await app.CreateWorkspaceAsync(Ct);
        var theirs = await app.CreateWorkspaceAsync(Ct);
        using var theirClient = app.CreateAdminClient(await app.CreateSecretKeyAsync(theirs.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.ProfilesRead], Ct));
        using var myClient = app.CreateAdminClient(await app.CreateSecretKeyAsync(mine.Id, [Scopes.TemplatesRead, Scopes.TemplatesWrite, Scopes.ProfilesRead], Ct));
        var created = await theirClient.PostAsJsonAsync("/api/templates", new CreateTemplateRequest("secret_offer", "50% off"), Ct);
        var id = (await created.Content.ReadFromJsonAsync<TemplateResponse>(Ct))!.Id;

        var get = await myClient.GetAsync($"/api/templates/{id}", Ct);
        var put = await myClient.PutAsJsonAsync($"/api/templates/{id}", new UpdateTemplateRequest("hijacked"), Ct);
        var render = await myClient.PostAsJsonAsync($"/api/templates/{id}/render", new RenderTemplateRequest(), Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, put.StatusCode, render.StatusCode));
    }

    /// <summary>A Japanese customer in Tokyo with two orders, the latest placed 2026-11-02 10:00 UTC (19:00 in Tokyo).</summary>
    private static async Task<string> IngestHanakoAsync(KizunaApplication app, long workspaceId)
    {
        var userId = $"u-{Guid.NewGuid():N}";
        IngestMessage Message(MessageType type, DateTimeOffset at) => new()
        {
            Type = type,
            MessageId = Guid.NewGuid().ToString(),
            UserId = userId,
            Timestamp = at,
            ReceivedAt = at,
        };
        await app.Service<IngestionPipeline>().SubmitAsync(new IngestBatch(workspaceId, [
            Message(MessageType.Identify, T0) with
            {
                TraitsJson = """{"email":"hanako@example.jp","firstName":"花子","lastName":"山田"}""",
                Context = new ProfileContext("Asia/Tokyo", "ja-JP", null, null, null),
            },
            Message(MessageType.Track, T0.AddHours(1)) with
            {
                Name = CommerceEvents.OrderCompleted, PropertiesJson = "{}",
                Order = new OrderEvent(OrderEventKind.Completed, "o-1001", 3000, "JPY", 0, 0, 0, null, [new OrderLine("p1", null, "煎茶", "tea", 3000, 1)]),
            },
            Message(MessageType.Track, T0.AddHours(25)) with
            {
                Name = CommerceEvents.OrderCompleted, PropertiesJson = "{}",
                Order = new OrderEvent(OrderEventKind.Completed, "o-2002", 9800, "JPY", 0, 0, 0, null, [new OrderLine("p2", null, "急須", "ware", 9800, 1)]),
            },
        ]), Ct);
        var profiles = app.Service<ProfileService>();
        var id = await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.UserId, userId), Ct);
        return id!.Value.ToString(CultureInfo.InvariantCulture);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
