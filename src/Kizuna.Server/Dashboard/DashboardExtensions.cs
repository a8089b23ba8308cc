using Kizuna.Server.Dashboard.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;

namespace Kizuna.Server.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The Blazor dashboard: interactive server components, MudBlazor, English and Japanese.</summary>
    public static IServiceCollection AddKizunaDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<DashboardSessionCheck>();
        services.AddScoped<AuthenticationStateProvider, DashboardAuthenticationStateProvider>();
        services.AddScoped<DashboardTimeZone>();
        services.AddMudServices();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(DashboardCultures.Default)
                .AddSupportedCultures([.. DashboardCultures.Supported])
                .AddSupportedUICultures([.. DashboardCultures.Supported]);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }

    /// <summary>
    /// Maps the dashboard pages and its account endpoints. Call after <c>UseKizunaSecurity()</c>: antiforgery must
    /// run after authentication, and the culture is chosen before any page renders.
    /// </summary>
    public static WebApplication MapKizunaDashboard(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseCultureFromQueryKept();
        app.UseAntiforgery();
        app.UseBuildStaticWebAssets();
        // Named after this assembly, not the process's: a test host's entry assembly is its own.
        app.MapStaticAssets($"{typeof(DashboardExtensions).Assembly.GetName().Name}.staticwebassets.endpoints.json").AllowAnonymous();
        app.MapDashboardAccount();
        app.MapCustomersExport();
        // Pages authorise themselves ([Authorize] or [AllowAnonymous]), and the login page must reach its scripts.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AllowAnonymous();
        return app;
    }
}
