using Kizuna.Work.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Imports;

public static class ImportsServiceCollectionExtensions
{
    /// <summary>The CSV import service, the job store behind <c>/api/imports</c>, and imports as jobs on the <c>import</c> queue.</summary>
    public static IServiceCollection AddKizunaImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportService>();
        services.AddSingleton<ImportJobStore>();
        services.AddSingleton<ImportJobRunner>();
        services.AddSingleton<IImportObserver, AnalyzeAfterImport>();
        services.AddJobHandler<ImportJobHandler>(ImportJobHandler.Settings);
        return services;
    }
}
