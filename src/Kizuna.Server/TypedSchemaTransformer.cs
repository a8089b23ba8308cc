using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Server.Templates;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kizuna.Server;

/// <summary>
/// Gives a type to the schemas the JSON schema exporter leaves empty (<c>{}</c>): every string of the API, because the
/// API reads strings through a custom converter (it refuses NUL characters), and free-form JSON (template data,
/// traits), and profile ids, which are read as a number or a string. Generated clients treat an empty schema as "any" and lose the field's type.
/// </summary>
internal sealed class TypedSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is not null || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 }
            || schema.Enum is { Count: > 0 } || schema.Const is not null)
        {
            return Task.CompletedTask;
        }

        if (context.JsonPropertyInfo?.CustomConverter is ProfileIdJsonConverter)
        {
            schema.Type = JsonSchemaType.Integer | JsonSchemaType.String | JsonSchemaType.Null;
            return Task.CompletedTask;
        }

        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        JsonSchemaType? typed = type == typeof(string) ? JsonSchemaType.String
            : type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type) ? JsonSchemaType.Object
            : null;
        if (typed is { } known)
        {
            var nullable = context.JsonPropertyInfo is { } property ? property.IsGetNullable || property.IsSetNullable
                : context.JsonTypeInfo.Type != type;
            schema.Type = nullable ? known | JsonSchemaType.Null : known;
        }

        return Task.CompletedTask;
    }
}
