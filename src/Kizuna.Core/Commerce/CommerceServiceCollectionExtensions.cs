using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Commerce;

public static class CommerceServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaCommerce(this IServiceCollection services)
    {
        services.AddSingleton<ProductCatalog>();
        return services;
    }
}
