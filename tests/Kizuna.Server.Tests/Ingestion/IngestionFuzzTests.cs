using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Server.Ingestion;

/// <summary>
/// Throws malformed bodies at every tracking endpoint: random bytes, truncations and byte mutations of valid bodies,
/// plain and gzip. A fixed seed makes a failure reproduce; the case count, not a clock, bounds the run. Whatever
/// arrives, the answer is never a server error, and what the answers say was stored is what the store holds.
/// </summary>
public sealed class IngestionFuzzTests
{
    private const int Seed = 1515;
    private const int Cases = 600;

    private static readonly string[] Paths =
        ["/v1/batch", "/v1/b", "/v1/import", "/v1/track", "/v1/t", "/v1/identify", "/v1/page", "/v1/screen", "/v1/group", "/v1/alias"];

    // Bytes that break UTF-8, JSON structure, escapes and gzip framing more often than a uniform byte does.
    private static readonly byte[] Interesting = [0x00, 0xFF, 0xC0, 0xC3, 0xE3, 0xED, 0xF4, 0x80, 0x1F, 0x8B, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'u', (byte)'0', (byte)'-', (byte)'e'];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TrackingEndpoints_MalformedBodies_NeverAnswerAServerError()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var writeKey = await app.CreateWriteKeyAsync(workspace.Id, Ct);
        var client = app.CreateWriteClient(writeKey);
        var random = new Random(Seed);
        var stored = 0L;

        for (var i = 0; i < Cases; i++)
        {
            var path = Paths[random.Next(Paths.Length)];
            var (body, how) = Body(random, path, i, writeKey);
            var gzip = random.Next(4) == 0;
            using var content = new ByteArrayContent(gzip ? Gzip(body, random) : body);
            content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(3) == 0 ? "text/plain" : "application/json");

            var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);

            var code = (int)response.StatusCode;
            Assert.True(code is 200 or 400 or 401 or 413, $"case {i} ({how}{(gzip ? ", gzip" : "")}) to {path} answered {code}: {await response.Content.ReadAsStringAsync(Ct)}");
            if (code is 200 or 400 && response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                stored += (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("stored").GetInt64();
            }
        }

        Assert.Equal(stored, await EventCountAsync(app, workspace.Id));
    }

    [Fact]
    public async Task Batch_OneMessageWithTextThatIsNotUtf8_StoresEveryOtherMessage()
    {
        await using var app = new KizunaApplication();
        var workspace = await app.CreateWorkspaceAsync(Ct);
        var client = app.CreateWriteClient(await app.CreateWriteKeyAsync(workspace.Id, Ct));
        var random = new Random(Seed);
        var expected = 0L;

        for (var i = 0; i < 40; i++)
        {
            var messages = Enumerable.Range(0, random.Next(2, 8)).Select(m => ValidMessage(random, $"{i}-{m}")).ToList();
            var bad = random.Next(messages.Count);
            var text = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { batch = messages }));
            var badBody = BreakUtf8InMessage(text, bad, random);

            var response = await client.PostAsync(new Uri("/v1/batch", UriKind.Relative), new ByteArrayContent(badBody), Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(messages.Count - 1, answer.GetProperty("stored").GetInt32());
            Assert.Equal(bad, answer.GetProperty("errors")[0].GetProperty("index").GetInt32());
            expected += messages.Count - 1;
        }

        Assert.Equal(expected, await EventCountAsync(app, workspace.Id));
    }

    private static (byte[] Body, string How) Body(Random random, string path, int i, string writeKey)
    {
        var valid = ValidBody(random, path, i, random.Next(8) == 0 ? writeKey : null);
        switch (random.Next(5))
        {
            case 0:
                var noise = new byte[random.Next(0, 300)];
                random.NextBytes(noise);
                return (noise, "random bytes");
            case 1:
                return (valid[..random.Next(valid.Length)], "truncated");
            case 2:
                return (valid, "valid");
            default:
                return (Mutate(valid, random), "mutated");
        }
    }

    private static byte[] ValidBody(Random random, string path, int i, string? writeKeyInBody)
    {
        var isBatch = path is "/v1/batch" or "/v1/b" or "/v1/import";
        var message = ValidMessage(random, $"{i}-0");
        object body = isBatch
            ? new { batch = Enumerable.Range(0, random.Next(1, 6)).Select(m => ValidMessage(random, $"{i}-{m}")).ToList(), sentAt = "2026-11-23T12:00:00Z", writeKey = writeKeyInBody }
            : message;
        var json = JsonSerializer.Serialize(body);
        return Encoding.UTF8.GetBytes(isBatch || writeKeyInBody is null ? json : json.TrimEnd('}') + $$""","writeKey":"{{writeKeyInBody}}"}""");
    }

    private static Dictionary<string, object> ValidMessage(Random random, string id)
    {
        var type = new[] { "track", "identify", "page", "screen", "group", "alias" }[random.Next(6)];
        var message = new Dictionary<string, object>
        {
            ["type"] = type,
            ["messageId"] = $"fz-{id}-{random.Next()}",
            ["userId"] = $"user-{random.Next(20)}",
            ["anonymousId"] = $"anon-{random.Next(20)}",
            ["timestamp"] = "2026-11-23T11:59:00Z",
            ["context"] = new { ip = "203.0.113.9", locale = "ja-JP", library = new { name = "fuzz", version = "1" } },
        };
        switch (type)
        {
            case "track":
                message["event"] = random.Next(3) == 0 ? "Order Completed" : "Product Viewed";
                message["properties"] = new { order_id = $"o-{id}", total = 12.5, currency = "JPY", products = new[] { new { product_id = "p-1", name = "お茶", price = 12.5, quantity = 1 } } };
                break;
            case "identify" or "group":
                message["traits"] = new { email = $"fz{random.Next(20)}@example.com", name = "花子", age = 30, birthday = "1990-01-02" };
                message["groupId"] = "acme";
                break;
            case "page" or "screen":
                message["name"] = "Home";
                break;
            default:
                message["previousId"] = $"anon-{random.Next(20)}";
                break;
        }

        return message;
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = new List<byte>(valid);
        for (var n = random.Next(1, 6); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            var value = random.Next(2) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
            switch (random.Next(3))
            {
                case 0: bytes[at] = value; break;
                case 1: bytes.Insert(at, value); break;
                default: bytes.RemoveAt(at); break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Puts bytes that are not UTF-8 inside one string value of the message at <paramref name="index"/>.</summary>
    private static byte[] BreakUtf8InMessage(byte[] json, int index, Random random)
    {
        // Every message starts with {"type": in the serialised batch; find the index-th one and a string value in it.
        var marker = "{\"type\":\""u8.ToArray();
        var start = -1;
        for (var found = 0; found <= index; found++)
        {
            start = json.AsSpan(start + 1).IndexOf(marker) + start + 1;
        }

        var end = json.AsSpan(start + 1).IndexOf(marker) is var next and >= 0 ? start + 1 + next : json.Length;
        var quotes = Enumerable.Range(start, end - start).Where(p => json[p] == (byte)'"' && json[p - 1] == (byte)':').ToList();
        var at = quotes[random.Next(quotes.Count)] + 1;
        byte[][] broken = [[0xFF], [0xC3], [0xE3, 0x81], [0xED, 0xA0, 0x80], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]];
        return [.. json[..at], .. broken[random.Next(broken.Length)], .. json[at..]];
    }

    private static byte[] Gzip(byte[] body, Random random)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        var bytes = compressed.ToArray();
        return random.Next(4) == 0 ? Mutate(bytes, random) : bytes;
    }

    private static async Task<long> EventCountAsync(KizunaApplication app, long workspaceId)
    {
        await using var connection = await app.Service<Database>().OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM events WHERE workspace_id = @workspaceId", new { workspaceId });
    }
}
