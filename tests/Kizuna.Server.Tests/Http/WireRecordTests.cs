using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Kizuna.Server.Http;

/// <summary>The admin API answers with its own wire records, so renaming a domain property never changes the API.</summary>
public sealed class WireRecordTests
{
    [Fact]
    public async Task AdminApi_EveryResponse_IsAWireRecordOfTheServer()
    {
        await using var app = new KizunaApplication();
        _ = app.CreateClient();
        var core = typeof(EnumNames).Assembly;

        // The import report is stored and answered in one JSON shape (ImportJobStore writes it with the API's names).
        var answeredAsStored = new HashSet<Type> { typeof(Kizuna.Imports.ImportReport) };

        var leaks = new SortedSet<string>(StringComparer.Ordinal);
        var described = 0;
        foreach (var endpoint in app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true))
        {
            foreach (var produced in endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Where(p => p.Type is not null))
            {
                described++;
                foreach (var type in Reachable(produced.Type!).Where(t => t.Assembly == core && !answeredAsStored.Contains(t)))
                {
                    leaks.Add($"{endpoint.DisplayName}: {type.FullName}");
                }
            }
        }

        Assert.True(described > 20, $"only {described} responses are described");
        Assert.True(leaks.Count == 0, "Responses built from Kizuna.Core types:\n" + string.Join('\n', leaks));
    }

    /// <summary>The type, its generic arguments and element types, and the types of the server records' properties.</summary>
    private static IEnumerable<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || typeof(JsonNode).IsAssignableFrom(type))
            {
                continue;
            }

            yield return type;
            foreach (var argument in type.GetGenericArguments())
            {
                pending.Push(argument);
            }

            if (type.GetElementType() is { } element)
            {
                pending.Push(element);
            }

            if (type.Assembly == typeof(Program).Assembly)
            {
                foreach (var property in type.GetProperties())
                {
                    pending.Push(property.PropertyType);
                }
            }
        }
    }
}
