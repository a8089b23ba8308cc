using Kizuna.Work.ProfileData;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Segments;

public static class SegmentsServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaSegments(this IServiceCollection services)
    {
        services.AddProfileData(new ProfileTable("segment_members")
        {
            // The survivor's memberships stand until its next evaluation, which the merge itself triggers.
            OnMerge = MergeRule.KeepSurvivor("segment_id"),
            Export = new ExportColumns { Times = ["entered_at"], OrderBy = ["segment_id"] },
        });
        return services;
    }
}
