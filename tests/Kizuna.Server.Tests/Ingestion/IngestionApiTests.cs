using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kizuna.Profiles;

namespace Kizuna.Server.Ingestion;

public sealed class IngestionApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Batch_OneBadMessage_StoresTheOthersAndNamesTheBadOne(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));

        var response = await client.PostAsJsonAsync("/v1/batch", new
        {
            batch = new object[]
            {
                new { type = "identify", userId = "u-1", messageId = "b-1", traits = new { email = "ren@example.com" } },
                new { type = "track", userId = "u-1", messageId = "b-2" },
                new { type = "page", userId = "u-1", messageId = "b-3", name = "Home" },
            },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, body.GetProperty("stored").GetInt32());
        var error = body.GetProperty("errors")[0];
        Assert.Equal((1, "b-2", "event"), (error.GetProperty("index").GetInt32(), error.GetProperty("messageId").GetString(), error.GetProperty("field").GetString()));
        var profile = await app.Service<ProfileService>().FindAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.Email, "ren@example.com"), Ct);
        Assert.Equal(2, profile!.Profile.Aggregates.Events);
    }

    [Fact]
    public async Task Batch_RetriedWholeBatch_AddsNothing()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        var batch = new { batch = Enumerable.Range(0, 20).Select(i => new { type = "track", anonymousId = "a-1", @event = "Product Viewed", messageId = $"r-{i}" }) };

        await client.PostAsJsonAsync("/v1/batch", batch, Ct);
        var retry = await (await client.PostAsJsonAsync("/v1/batch", batch, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal((0, 20), (retry.GetProperty("stored").GetInt32(), retry.GetProperty("duplicates").GetInt32()));
    }

    [Fact]
    public async Task BrowserPath_TextPlainWithWriteKeyInBody_IsStoredWithCors()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var writeKey = await app.CreateWriteKeyAsync(workspace.Id, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/t")
        {
            Content = new StringContent($$"""{"writeKey":"{{writeKey}}","event":"Clicked","anonymousId":"browser-1"}""", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "https://shop.example");

        var response = await app.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Batch_GzipBodyLabelledAsForm_IsStored()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("""{"batch":[{"type":"track","userId":"g-1","event":"Zipped"}]}"""), Ct);
        }

        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        var response = await client.PostAsync(new Uri("/v1/batch", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Batch_OverTheSizeLimit_Returns413()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        var blob = new string('x', 30_000);

        var response = await client.PostAsJsonAsync("/v1/batch", new { batch = Enumerable.Range(0, 20).Select(i => new { type = "track", userId = "u", @event = "Big", properties = new { blob } }) }, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kzw_not-a-real-key")]
    public async Task Track_WithoutAValidWriteKey_Returns401(string? key)
    {
        await using var app = new KizunaApplication();
        var client = key is null ? app.CreateClient() : app.CreateWriteClient(key);

        var response = await client.PostAsJsonAsync("/v1/track", new { userId = "u", @event = "X" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Track_InvalidJson_Returns400NamingTheBody()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));

        var response = await client.PostAsync(new Uri("/v1/track", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("body", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Track_GzipHeaderOnAPlainBody_Returns400NamingTheBody()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        using var content = new StringContent("""{"userId":"u","event":"X"}""", Encoding.UTF8, "application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await client.PostAsync(new Uri("/v1/track", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors")[0];
        Assert.Equal(("body", "is gzip (by its header or first bytes) but does not decompress"), (error.GetProperty("field").GetString(), error.GetProperty("reason").GetString()));
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Batch_MessageWithANulCharacter_IsRefusedAndTheOthersAreStored(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        using var content = new StringContent("""
            {"batch":[
              {"type":"track","userId":"n-1","event":"Viewed","messageId":"nul-1","properties":{"note":"a\u0000b"}},
              {"type":"track","userId":"n-1","event":"Viewed","messageId":"nul-2"}
            ]}
            """, Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/v1/batch", UriKind.Relative), content, Ct);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, body.GetProperty("stored").GetInt32());
        Assert.Equal("nul-1", body.GetProperty("errors")[0].GetProperty("messageId").GetString());
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Batch_EventNameThatIsNotUtf8_IsRefusedByIndexAndTheOthersAreStored(string engine)
    {
        await using var app = new KizunaApplication(engine);
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        // '~' stands for the raw byte 0xFF, which no UTF-8 text contains.
        var body = Encoding.UTF8.GetBytes("""
            {"batch":[{"type":"track","userId":"x-1","event":"Good","messageId":"utf-1"},
             {"type":"track","userId":"x-1","event":"Bad~","messageId":"utf-2"},
             {"type":"track","userId":"x-1","event":"Good","messageId":"utf-3"}]}
            """).Select(b => b == (byte)'~' ? (byte)0xFF : b).ToArray();

        var response = await client.PostAsync(new Uri("/v1/batch", UriKind.Relative), new ByteArrayContent(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var error = answer.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((1, "utf-2", "event"), (error.GetProperty("index").GetInt32(), error.GetProperty("messageId").GetString(), error.GetProperty("field").GetString()));
        Assert.Equal(2, answer.GetProperty("stored").GetInt32());
        var profile = await app.Service<ProfileService>().FindAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "x-1"), Ct);
        Assert.Equal(2, profile!.Profile.Aggregates.Events);
    }

    [Theory]
    [InlineData("/v1/batch", "writeKey")]
    [InlineData("/v1/batch", "sentAt")]
    [InlineData("/v1/track", "writeKey")]
    public async Task Request_MemberOutsideTheMessagesThatIsNotUtf8_Returns400NamingIt(string path, string field)
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        var body = Encoding.UTF8.GetBytes($$"""{"type":"track","userId":"u","event":"E","batch":[],"{{field}}":"x~"}""")
            .Select(b => b == (byte)'~' ? (byte)0xC3 : b).ToArray();

        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new ByteArrayContent(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Batch_SentAtThatIsNotADate_Returns400NamingIt()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));

        var response = await client.PostAsJsonAsync("/v1/batch", new { sentAt = "garbage", batch = new[] { new { type = "track", userId = "u", @event = "E" } } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("sentAt", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors")[0].GetProperty("field").GetString());
    }
}
