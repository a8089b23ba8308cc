using Scalar.AspNetCore;

namespace Kizuna.Server;

public static class OpenApiExtensions
{
    public static IServiceCollection AddKizunaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddSchemaTransformer<TypedSchemaTransformer>());

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a browsable reference at <c>/scalar</c>.</summary>
    public static WebApplication MapKizunaOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("Kizuna API")).AllowAnonymous();
        return app;
    }
}
