using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kizuna.Bench.Journeys;

/// <summary>The journeys admin API as the bench uses it: create a journey and launch it.</summary>
public sealed class JourneyApiClient(Uri server, string secret) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", secret) } };

    /// <summary>Creates and launches a journey; answers its id.</summary>
    public async Task<long> LaunchAsync(string name, object definition, CancellationToken ct)
    {
        using var created = await _http.PostAsJsonAsync("/api/journeys", new { name, definition }, ct);
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The journey was refused: {await created.Content.ReadAsStringAsync(ct)}");
        }

        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<long>();
        using var launched = await _http.PostAsync(new Uri($"/api/journeys/{id}/launch", UriKind.Relative), null, ct);
        launched.EnsureSuccessStatusCode();
        return id;
    }

    public void Dispose() => _http.Dispose();
}
