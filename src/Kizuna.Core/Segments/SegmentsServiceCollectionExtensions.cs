using Kizuna.Segments.Evaluation;
using Kizuna.Work.Changes;
using Kizuna.Work.Jobs;
using Kizuna.Work.ProfileData;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Segments;

public static class SegmentsServiceCollectionExtensions
{
    /// <summary>
    /// Segments: the language's evaluators, the store and service, full recomputes and the sweep on the job queue,
    /// and real-time membership as a change-feed consumer.
    /// </summary>
    public static IServiceCollection AddKizunaSegments(this IServiceCollection services)
    {
        services.AddProfileData(new ProfileTable("segment_members")
        {
            // The survivor's memberships stand until its next evaluation, which the merge itself triggers.
            OnMerge = MergeRule.KeepSurvivor("segment_id"),
            Export = new ExportColumns { Times = ["entered_at"], OrderBy = ["segment_id"] },
        });
        // A pending transition follows its profile into a merge (its event goes to the survivor) and goes with an erasure.
        services.AddProfileData(new ProfileTable("segment_transitions") { Export = new ExportColumns { Times = ["at"], OrderBy = ["segment_id", "seq"] } });
        services.AddOptions<SegmentsOptions>().BindConfiguration(SegmentsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSegmentEvaluation();
        services.AddSingleton<SegmentStore>();
        services.AddSingleton<MembershipStore>();
        services.AddSingleton<PendingTransitions>();
        services.AddSingleton<SegmentLocks>();
        services.AddSingleton<SegmentEvents>();
        services.AddSingleton<MembershipWriter>();
        services.AddSingleton<SegmentEngine>();
        services.AddSingleton<SegmentService>();
        services.AddSingleton<SegmentRecompute>();
        services.AddJobHandler<SegmentRecompute>(SegmentRecompute.Settings);
        services.AddSingleton<SegmentSweep>();
        services.AddJobHandler<SegmentSweep>(SegmentSweep.Settings);
        services.AddHostedService<SegmentSweepStarter>();
        services.AddSingleton<IChangeConsumer, SegmentEntries>();
        return services;
    }
}
