using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace Kizuna.Server.Dashboard;

public static class StaticWebAssetsExtensions
{
    private const string FrameworkScript = "_framework/blazor.web.js";

    /// <summary>
    /// Run from a build output (<c>dotnet run</c> in any environment, a test host), serves MudBlazor's and Blazor's
    /// assets from where the build left them. ASP.NET does this only in Development and finds the manifest by the
    /// application name, which a test host sets to its own assembly. A published app has the files in wwwroot.
    /// </summary>
    public static WebApplication UseBuildStaticWebAssets(this WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{typeof(Program).Assembly.GetName().Name}.staticwebassets.runtime.json");
        if (app.Environment.WebRootFileProvider.GetFileInfo(FrameworkScript).Exists || !File.Exists(manifest))
        {
            return app;
        }

        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection([new(WebHostDefaults.StaticWebAssetsKey, manifest)])
            .Build();
        StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, settings);
        return app;
    }
}
