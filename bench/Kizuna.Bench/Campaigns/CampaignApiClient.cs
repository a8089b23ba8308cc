using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kizuna.Bench.Campaigns;

/// <summary>The server's HTTP API as a marketer's tooling uses it: a template, a segment, a campaign and its controls.</summary>
public sealed class CampaignApiClient(Uri server, string secretKey) : IDisposable
{
    private readonly HttpClient _http = new()
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromMinutes(5),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", secretKey) },
    };

    public Task<long> CreateTemplateAsync(string name, string subject, string html, CancellationToken ct) =>
        IdOfAsync(_http.PostAsJsonAsync("/api/templates", new { name, body = html, subject, channel = "email" }, ct), ct);

    public Task<long> CreateSegmentAsync(string name, string text, CancellationToken ct) =>
        IdOfAsync(_http.PostAsJsonAsync("/api/segments", new { name, text }, ct), ct);

    /// <summary>Waits until the segment has been computed with <paramref name="size"/> members.</summary>
    public async Task WaitForSegmentAsync(long id, long size, CancellationToken ct)
    {
        while ((await GetAsync($"/api/segments/{id}", ct))["size"]!.GetValue<long>() != size)
        {
            await Task.Delay(1_000, ct);
        }
    }

    public Task<long> CreateCampaignAsync(string name, long templateId, long segmentId, CancellationToken ct) =>
        IdOfAsync(_http.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            channel = "email",
            variants = new[] { new { name = "A", templateId, percent = 100 } },
            audience = new { include = new[] { segmentId }, exclude = Array.Empty<long>() },
            schedule = new { kind = "now" },
        }, ct), ct);

    /// <summary><c>launch</c>, <c>pause</c>, <c>resume</c> or <c>cancel</c>; the campaign's state after it.</summary>
    public async Task<string> ActAsync(long id, string action, CancellationToken ct)
    {
        using var response = await _http.PostAsync(new Uri($"/api/campaigns/{id}/{action}", UriKind.Relative), null, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!["state"]!.GetValue<string>()
            : throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {body}");
    }

    public async Task<string> StateAsync(long id, CancellationToken ct) => (await GetAsync($"/api/campaigns/{id}", ct))["state"]!.GetValue<string>();

    /// <summary>The report's targeted and sent counts.</summary>
    public async Task<(long Targeted, long Sent)> ReportAsync(long id, CancellationToken ct)
    {
        var total = (await GetAsync($"/api/campaigns/{id}/report", ct))["total"]!;
        return (total["targeted"]!.GetValue<long>(), total["sent"]!.GetValue<long>());
    }

    private async Task<JsonNode> GetAsync(string path, CancellationToken ct) =>
        (await _http.GetFromJsonAsync<JsonNode>(new Uri(path, UriKind.Relative), ct))!;

    private static async Task<long> IdOfAsync(Task<HttpResponseMessage> request, CancellationToken ct)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!["id"]!.GetValue<long>()
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
    }

    public void Dispose() => _http.Dispose();
}
