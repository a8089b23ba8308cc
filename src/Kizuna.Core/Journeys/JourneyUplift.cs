using Kizuna.Campaigns;
using Kizuna.Campaigns.Reports;
using Kizuna.Journeys.Model;

namespace Kizuna.Journeys;

/// <summary>
/// Each path of a split that has a control path, against that control on the journey's conversion goal, with the
/// campaign reports' statistics (<see cref="CampaignStatistics"/>): the difference of the paths' conversion rates with
/// its 95% interval and the two-sided p-value of the two-proportion z-test, in plain words.
/// </summary>
public static class JourneyUplift
{
    public static IReadOnlyList<PathUplift> Of(JourneyDefinition definition, IReadOnlyList<PathCount> counts)
    {
        var uplifts = new List<PathUplift>();
        if (definition.Goal is null)
        {
            return uplifts;
        }

        foreach (var node in definition.Nodes.Where(n => n.Kind == JourneyNodeKinds.Split && n.Paths is not null))
        {
            if (node.Paths!.FirstOrDefault(p => p.Control) is not { } control || Count(counts, node.Id, control.Name) is not { Entries: > 0 } held)
            {
                continue;
            }

            var controlRate = (double)held.Converted / held.Entries;
            foreach (var path in node.Paths!.Where(p => !p.Control))
            {
                if (Count(counts, node.Id, path.Name) is not { Entries: > 0 } taken)
                {
                    continue;
                }

                var rate = (double)taken.Converted / taken.Entries;
                var c = CampaignStatistics.Compare(taken.Converted, taken.Entries, held.Converted, held.Entries);
                uplifts.Add(new PathUplift(node.Id, new VariantComparison(path.Name, control.Name, WinnerMetric.ConversionRate, c.Difference, c.Low, c.High,
                    c.PValue, c.PValue < 0.05, CampaignStatistics.Describe("conversion rate", $"Path {path.Name}", $"the control path {control.Name}", rate, controlRate, c))));
            }
        }

        return uplifts;
    }

    private static PathCount? Count(IReadOnlyList<PathCount> counts, string node, string path) =>
        counts.FirstOrDefault(c => c.Node == node && c.Path == path);
}
