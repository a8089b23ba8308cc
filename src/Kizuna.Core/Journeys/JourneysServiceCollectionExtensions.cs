using Kizuna.Campaigns.Storage;
using Kizuna.Journeys.Actions;
using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Library;
using Kizuna.Journeys.Simulation;
using Kizuna.Journeys.Storage;
using Kizuna.Messaging.Checks;
using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;
using Kizuna.Work.ProfileData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kizuna.Journeys;

public static class JourneysServiceCollectionExtensions
{
    /// <summary>
    /// The journey entries and their steps in the per-profile registry. <c>AddKizunaCore</c> calls it: the tables exist
    /// whether or not this node runs journeys, and merges, erasures and exports must cover them either way.
    /// </summary>
    public static IServiceCollection AddKizunaJourneysData(this IServiceCollection services) =>
        services.AddProfileData(
            new ProfileTable("journey_entries")
            {
                // A merged customer's entries carry on under the survivor (keyed by journey and trigger, not by profile).
                OnMerge = MergeRule.Move,
                Export = new ExportColumns
                {
                    Json = ["entry_data", "vars"],
                    Times = ["wait_until", "entered_at", "updated_at", "finished_at", "converted_at"],
                    OrderBy = ["id"],
                },
            },
            new ProfileTable("journey_steps")
            {
                OnMerge = MergeRule.Move,
                Export = new ExportColumns { Times = ["at"], OrderBy = ["entry_id", "seq"] },
            });

    /// <summary>
    /// Journeys: the stores, the service, the ready-made journeys, the <c>journeys</c> change-feed consumer (triggers,
    /// keyed waits, exits, conversions), the timers on the <c>journeys</c> queue, the action nodes' work (webhook calls,
    /// profile updates) on the <c>journey-actions</c> queue, the audience entries' occurrences on the
    /// <c>journey-audience</c> queue and the send check that holds a paused
    /// or archived journey's messages. Needs messaging (<c>AddKizunaMessaging</c>).
    /// </summary>
    public static IServiceCollection AddKizunaJourneys(this IServiceCollection services)
    {
        services.AddSingleton<JourneyStore>();
        services.AddSingleton<EntryStore>();
        services.AddSingleton<JourneyCatalog>();
        services.AddSingleton<JourneyEngine>();
        services.AddSingleton<JourneyWriter>();
        services.AddSingleton<JourneyApiEntries>();
        services.AddSingleton<JourneyService>();
        services.AddSingleton<JourneyLibrary>();
        services.AddSingleton<SimulatedMessages>();
        services.AddSingleton<JourneySimulator>();
        services.AddSingleton<ISendCheck, JourneyCheck>();
        services.AddSingleton<IChangeConsumer, JourneyTriggers>();
        services.AddJobHandler<JourneyTimerHandler>(JourneyTimerHandler.Settings);
        services.AddSingleton<JourneyActions>();
        services.AddSingleton<JourneyWebhookSender>();
        services.AddSingleton<JourneyProfileWriter>();
        services.AddJobHandler<JourneyActionHandler>(JourneyActionHandler.Settings);
        services.TryAddSingleton<AudienceReader>();
        services.AddSingleton<JourneyAudienceScheduler>();
        services.AddJobHandler<JourneyAudienceHandler>(JourneyAudienceHandler.Settings);
        return services;
    }
}
