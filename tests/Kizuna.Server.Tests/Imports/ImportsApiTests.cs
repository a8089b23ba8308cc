using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Server.Imports;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Imports;

public sealed class ImportsApiTests : IAsyncLifetime
{
    private const string Mapping = """
        { "kind": "orders", "columns": { "order_id": "Invoice", "user_id": "Customer", "product_id": "Sku", "quantity": "Qty",
          "price": "Price", "timestamp": "Date" }, "currency": "GBP" }
        """;

    private const string Csv = """
        Invoice,Sku,Qty,Date,Price,Customer
        1,A,2,2024-01-01T10:00:00Z,5.00,api-1
        1,B,1,2024-01-01T10:00:00Z,3.50,api-1
        2,A,x,2024-01-02T10:00:00Z,5.00,api-2
        3,A,1,2024-01-03T10:00:00Z,5.00,api-2
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"kizuna-api-{Guid.NewGuid():N}");
    private WebApplicationFactory<Program> _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Storage:DataDirectory", _directory));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await Kizuna.Server.TestFolders.DeleteAsync(_directory);
    }

    [Fact]
    public async Task Post_CsvWithMapping_AcceptsAndFinishesWithReport()
    {
        var client = await ClientAsync([Scopes.Import]);

        var response = await client.PostAsync("/api/imports", Upload(Csv, Mapping), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<ImportJobResponse>(TestContext.Current.CancellationToken);
        Assert.NotNull(job);
        Assert.Equal($"/api/imports/{job.Id}", response.Headers.Location?.OriginalString);
        var finished = await WaitAsync(client, job.Id);
        Assert.Equal("succeeded", finished.Status);
        Assert.Equal(4, finished.Report?.LinesRead);
        Assert.Equal(2, finished.Report?.Orders);
        Assert.Equal(2, finished.Progress?.Orders);
        Assert.Equal(4, Assert.Single(finished.Report!.Errors).Line);
        var raw = await client.GetStringAsync($"/api/imports/{job.Id}", TestContext.Current.CancellationToken);
        using (var document = JsonDocument.Parse(raw))
        {
            Assert.Equal("orders", document.RootElement.GetProperty("report").GetProperty("kind").GetString());
        }

        var list = await client.GetFromJsonAsync<List<ImportJobResponse>>("/api/imports", TestContext.Current.CancellationToken);
        Assert.Contains(list!, j => j.Id == job.Id);
    }

    [Theory]
    [InlineData("""{ "kind": "orders", "columns": { "order_id": "Invoice" } }""", "mapping.columns.user_id")]
    [InlineData("""{ "kind": "orders", "columns": { "order_id": "Invoice", "user_id": "Client", "product_id": "Sku", "quantity": "Qty", "price": "Price", "timestamp": "Date" } }""", "mapping.columns.user_id")]
    [InlineData("""{ "kind": "parcels" }""", "mapping.kind")]
    [InlineData("""{ "kind": "orders,products", "columns": { "product_id": "Sku", "name": "Sku" } }""", "mapping.kind")]
    [InlineData("""{ "kind": "orders", """, "mapping")]
    [InlineData("HUGE", "mapping")]
    public async Task Post_BadMapping_Returns400NamingTheField(string mapping, string field)
    {
        var client = await ClientAsync([Scopes.Import]);
        mapping = mapping == "HUGE" ? new string(' ', 100_000) + "{}" : mapping;   // over the mapping part's 64K limit

        var response = await client.PostAsync("/api/imports", Upload(Csv, mapping), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Post_WithoutFile_Returns400NamingFile()
    {
        var client = await ClientAsync([Scopes.Import]);
        using var content = new MultipartFormDataContent { { new StringContent(Mapping), "mapping" } };

        var response = await client.PostAsync("/api/imports", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"file\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nInvoice,Sku\r\n1,A")]
    [InlineData("this is not a multipart body")]
    public async Task Post_MalformedMultipartBody_Returns400NamingFile(string body)
    {
        var client = await ClientAsync([Scopes.Import]);
        using var content = new StringContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        var response = await client.PostAsync("/api/imports", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Post_KeyWithoutImportScope_Returns403()
    {
        var client = await ClientAsync([Scopes.ProfilesRead]);

        var response = await client.PostAsync("/api/imports", Upload(Csv, Mapping), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpClient> ClientAsync(IReadOnlyList<string> scopes)
    {
        var client = _factory.CreateClient();
        var services = _factory.Services;
        var workspace = await services.GetRequiredService<WorkspaceService>().CreateAsync($"api-{Guid.NewGuid():N}"[..20], "Api", TestContext.Current.CancellationToken);
        var key = await services.GetRequiredService<ApiKeyService>().CreateAsync(workspace.Id, ApiKeyKind.Secret, "test", scopes, TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    private static MultipartFormDataContent Upload(string csv, string mapping) => new()
    {
        { new StringContent(mapping), "mapping" },
        { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "orders.csv" },
    };

    /// <summary>Follows the job the way a client would, until it has finished.</summary>
    private static async Task<ImportJobResponse> WaitAsync(HttpClient client, long id)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await client.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{id}", TestContext.Current.CancellationToken);
            if (job!.Status is "succeeded" or "failed")
            {
                return job;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Import job {id} did not finish.");
    }
}
