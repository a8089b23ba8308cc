using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kizuna.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The database chosen by <c>Storage:Provider</c>, and the migrator that readies it at start-up.</summary>
    public static IServiceCollection AddKizunaStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<Database>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Kind == StoreKind.Postgres ? new PostgresDatabase(options) : new SqliteDatabase(options);
        });
        services.AddSingleton<Migrator>();
        services.AddHostedService<MigrationHostedService>();
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }
}
