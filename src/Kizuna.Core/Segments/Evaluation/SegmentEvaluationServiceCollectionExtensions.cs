using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kizuna.Segments.Evaluation;

public static class SegmentEvaluationServiceCollectionExtensions
{
    /// <summary>The segment language's evaluators: <see cref="SegmentEvaluator"/> and <see cref="ProfileStateReader"/>.</summary>
    public static IServiceCollection AddSegmentEvaluation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProfileStateReader>();
        services.TryAddSingleton<SegmentEvaluator>();
        return services;
    }
}
