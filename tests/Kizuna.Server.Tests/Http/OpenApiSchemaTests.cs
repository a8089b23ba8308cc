using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kizuna.Server.Http;

public sealed class OpenApiSchemaTests
{
    private static readonly string[] Typed = ["type", "$ref", "oneOf", "anyOf", "allOf", "enum", "const"];

    [Fact]
    public async Task OpenApi_EveryRequestAndResponseSchema_IsTyped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new KizunaApplication();

        var document = await app.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", ct);

        var untyped = new List<string>();
        var bodies = 0;
        foreach (var (path, item) in document!["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                foreach (var (type, media) in operation!["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    bodies++;
                    Walk(media!["schema"], $"{where} request {type}", untyped);
                }

                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    foreach (var (type, media) in response!["content"]?.AsObject() ?? [])
                    {
                        bodies++;
                        Walk(media!["schema"], $"{where} {status} {type}", untyped);
                    }
                }

                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    Walk(parameter!["schema"], $"{where} parameter {parameter["name"]}", untyped);
                }
            }
        }

        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            Walk(schema, $"#/components/schemas/{name}", untyped);
        }

        Assert.True(bodies > 20, $"Only {bodies} request and response bodies are described.");
        Assert.True(untyped.Count == 0, "Untyped schemas:\n" + string.Join('\n', untyped));
    }

    private static void Walk(JsonNode? schema, string where, List<string> untyped)
    {
        if (schema is not JsonObject node)
        {
            untyped.Add(where + " (no schema)");
            return;
        }

        if (!Typed.Any(node.ContainsKey))
        {
            untyped.Add(where);
        }

        foreach (var (name, property) in node["properties"]?.AsObject() ?? [])
        {
            Walk(property, $"{where}.{name}", untyped);
        }

        if (node["items"] is { } items)
        {
            Walk(items, where + "[]", untyped);
        }

        if (node["additionalProperties"] is JsonObject values)
        {
            Walk(values, where + "{}", untyped);
        }

        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
        {
            var i = 0;
            foreach (var option in node[keyword]?.AsArray() ?? [])
            {
                Walk(option, $"{where}/{keyword}[{i++}]", untyped);
            }
        }
    }
}
