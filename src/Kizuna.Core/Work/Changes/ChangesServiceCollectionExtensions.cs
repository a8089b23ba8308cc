using Kizuna.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Work.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>The change feed: its reader, cursors and leases, the runner of every <see cref="IChangeConsumer"/>, and the event archive.</summary>
    public static IServiceCollection AddKizunaChanges(this IServiceCollection services)
    {
        services.AddOptions<ChangeFeedOptions>().BindConfiguration(ChangeFeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section)
            .Validate(o => o.Folder is null || o.Folder.IndexOfAny(Path.GetInvalidPathChars()) < 0, "Archive:Folder is not a valid path.").ValidateOnStart();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<ChangeCursorStore>();
        // Held before the consumers are woken, so the change that wakes them is read from memory.
        services.AddSingleton<RecentChanges>();
        services.AddSingleton<ICommittedBatchObserver>(sp => sp.GetRequiredService<RecentChanges>());
        services.AddSingleton<Profiles.IErasureObserver>(sp => sp.GetRequiredService<RecentChanges>());
        services.AddSingleton<ChangeSignal>();
        services.AddSingleton<ICommittedBatchObserver>(sp => sp.GetRequiredService<ChangeSignal>());
        services.AddSingleton<IChangeConsumer, EventArchive>();
        services.AddHostedService<ChangeFeedRunner>();
        services.AddHostedService<ChangeNotifications>();
        return services;
    }
}
