using Kizuna.Templates.ConnectedContent;
using Kizuna.Templates.ContentBlocks;
using Kizuna.Templates.Customers;
using Kizuna.Templates.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kizuna.Templates;

public static class TemplatesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the template service, its sandbox options (section <c>Templates</c>, validated on start), the guarded
    /// connected-content client (off when <c>Templates:ConnectedContentEnabled</c> is false), the template store as the
    /// content-block source and the profile store as the data of previews by profile id. Needs the storage and profiles
    /// of <c>AddKizunaCore()</c>; a test may register another <see cref="IContentBlockSource"/> first (in memory) to keep it.
    /// </summary>
    public static IServiceCollection AddKizunaTemplates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TemplateOptions>()
            .BindConfiguration(TemplateOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TemplateStore>();
        services.TryAddSingleton<TemplateLibrary>();
        services.TryAddSingleton<IContentBlockSource>(sp => sp.GetRequiredService<TemplateStore>());
        services.TryAddSingleton<ITemplateDataSource, ProfileTemplateDataSource>();

        if (configuration.GetValue($"{TemplateOptions.SectionName}:ConnectedContentEnabled", true))
        {
            // The client's own request logs would write every URL (customer data in its path or query) and a stack trace per refusal.
            services.AddHttpClient(HttpConnectedContentFetcher.ClientName)
                .RemoveAllLoggers()
                .ConfigurePrimaryHttpMessageHandler(sp => HttpConnectedContentFetcher.CreateHandler(
                    sp.GetRequiredService<IOptions<TemplateOptions>>().Value.ConnectedContentAllowPrivateNetworks));
            services.TryAddSingleton<IConnectedContentFetcher, HttpConnectedContentFetcher>();
        }
        else
        {
            services.TryAddSingleton<IConnectedContentFetcher>(DisabledConnectedContentFetcher.Instance);
        }

        services.TryAddSingleton<TemplateService>();
        return services;
    }
}
