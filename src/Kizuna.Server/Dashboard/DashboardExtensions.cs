using Kizuna.Analytics;
using Kizuna.Server.Dashboard.Localization;
using MudBlazor.Services;

namespace Kizuna.Server.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The Blazor dashboard: interactive server components, MudBlazor, English and Japanese.</summary>
    public static WebApplicationBuilder AddKizunaDashboard(this WebApplicationBuilder builder)
    {
        // Run from a build output (dotnet run, tests) in any environment, the package and framework assets are served
        // from where the build left them; a published app has them in wwwroot and the call finds nothing to add.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddKizunaAnalytics();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(DashboardCultures.Default)
                .AddSupportedCultures([.. DashboardCultures.Supported])
                .AddSupportedUICultures([.. DashboardCultures.Supported]);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
        return builder;
    }

    /// <summary>
    /// Maps the dashboard pages and its account endpoints. Call after <c>UseKizunaSecurity()</c>: antiforgery must
    /// run after authentication, and the culture is chosen before any page renders.
    /// </summary>
    public static WebApplication MapKizunaDashboard(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapDashboardAccount();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
