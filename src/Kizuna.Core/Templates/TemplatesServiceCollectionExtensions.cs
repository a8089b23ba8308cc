using Kizuna.Templates.ConnectedContent;
using Kizuna.Templates.ContentBlocks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kizuna.Templates;

public static class TemplatesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the template service, its sandbox options (section <c>Templates</c>, validated on start), the guarded
    /// connected-content client (off when <c>Templates:ConnectedContentEnabled</c> is false) and an empty content-block
    /// source that the template store replaces.
    /// </summary>
    public static IServiceCollection AddKizunaTemplates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TemplateOptions>()
            .BindConfiguration(TemplateOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IContentBlockSource>(EmptyContentBlockSource.Instance);

        if (configuration.GetValue($"{TemplateOptions.SectionName}:ConnectedContentEnabled", true))
        {
            services.AddHttpClient(HttpConnectedContentFetcher.ClientName)
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
