using Kizuna.Messaging.Guardrails;
using Kizuna.Messaging.Suppressions;
using Kizuna.Messaging.Tracking;
using Kizuna.Storage;

namespace Kizuna.Campaigns.Reports;

/// <summary>The tallies of one report: the whole campaign, each variant, both controls and each UTC day.</summary>
internal sealed class ReportGroups(int variants)
{
    private readonly MetricsTally _total = new();
    private readonly MetricsTally[] _variants = [.. Enumerable.Range(0, variants).Select(_ => new MetricsTally())];
    private readonly MetricsTally _control = new();
    private readonly MetricsTally _global = new();
    private readonly SortedDictionary<int, MetricsTally> _days = [];
    private readonly HashSet<long> _opened = [], _clicked = [], _bounced = [], _complained = [], _unsubscribed = [];
    private readonly Dictionary<long, List<(RecipientFact Fact, bool Global)>> _controls = [];

    public static bool IsGlobalControl(RecipientFact r) => r.State == "suppressed" && r.LastError == ControlGroupCheck.Reason;

    public static bool IsSent(RecipientFact r) => r.State is "sent" or "delivered" || (r.State == "failed" && r.Attempts > 0);

    public static bool IsSkipped(RecipientFact r) =>
        r.Status == "skipped" || (r.MessageId is not null && r.State is "suppressed" or "dead" || (r.State == "failed" && r.Attempts == 0));

    public static RateInterval Rate(VariantReport v, WinnerMetric metric) => metric switch
    {
        WinnerMetric.OpenRate => v.OpenRate,
        WinnerMetric.ClickRate => v.ClickRate,
        _ => v.ConversionRate,
    };

    public void Count(RecipientFact r)
    {
        _total.Targeted++;
        var tally = r.Variant >= 0 && r.Variant < _variants.Length ? _variants[r.Variant] : null;
        if (tally is not null)
        {
            tally.Targeted++;
        }

        if (r.Status == "control" || IsGlobalControl(r))
        {
            (IsGlobalControl(r) ? _global : _control).Targeted++;
            _controls.TryAdd(r.ProfileId, []);
            _controls[r.ProfileId].Add((r, IsGlobalControl(r)));
        }
        else if (IsSent(r))
        {
            _total.Sent++;
            if (tally is not null)
            {
                tally.Sent++;
            }

            Day(r.SentAt ?? r.UpdatedAt ?? r.DueAt).Sent++;
            if (r.State == "failed")
            {
                Bounce(r);
            }
        }
        else if (IsSkipped(r))
        {
            _total.Skipped++;
            if (tally is not null)
            {
                tally.Skipped++;
            }
        }
    }

    public void Engage(RecipientFact r, EventFact e)
    {
        var id = r.MessageId!.Value;
        var tally = r.Variant >= 0 && r.Variant < _variants.Length ? _variants[r.Variant] : null;
        switch (e.Name)
        {
            case EngagementTracker.Opened:
                Each(tally, t => t.TotalOpens++);
                if (_opened.Add(id))
                {
                    Each(tally, t => t.UniqueOpens++);
                    Day(e.Ts).UniqueOpens++;
                }

                break;
            case EngagementTracker.Clicked:
                Each(tally, t => t.TotalClicks++);
                if (_clicked.Add(id))
                {
                    Each(tally, t => t.UniqueClicks++);
                    Day(e.Ts).UniqueClicks++;
                }

                break;
            case SuppressionService.ComplainedEvent when _complained.Add(id):
                Each(tally, t => t.Complaints++);
                break;
            case "Unsubscribed" when _unsubscribed.Add(id):
                Each(tally, t => t.Unsubscribes++);
                break;
            case "Email Bounced" or "SMS Bounced":
                Bounce(r);
                break;
        }
    }

    public void Convert(RecipientFact? attributed, EventFact e, long window, string? currency, decimal? amount)
    {
        if (attributed is not null)
        {
            var tally = attributed.Variant >= 0 && attributed.Variant < _variants.Length ? _variants[attributed.Variant] : null;
            Each(tally, t => t.Convert(attributed.Run, attributed.ProfileId, currency, amount));
            Day(e.Ts).Convert(attributed.Run, attributed.ProfileId, currency, amount);
            return;
        }

        foreach (var (fact, global) in _controls.GetValueOrDefault(e.ProfileId) ?? [])
        {
            var from = global ? fact.UpdatedAt ?? fact.DueAt : fact.DueAt;
            if (e.Ts >= from && e.Ts - from <= window)
            {
                (global ? _global : _control).Convert(fact.Run, fact.ProfileId, currency, amount);
                return;
            }
        }
    }

    public ReportParts Build(CampaignDefinition d, int? winner) => ReportParts.From(d, winner, _total, _variants, _control, _global, _days);

    private void Bounce(RecipientFact r)
    {
        if (_bounced.Add(r.MessageId!.Value))
        {
            var tally = r.Variant >= 0 && r.Variant < _variants.Length ? _variants[r.Variant] : null;
            Each(tally, t => t.Bounced++);
        }
    }

    private void Each(MetricsTally? tally, Action<MetricsTally> add)
    {
        add(_total);
        if (tally is not null)
        {
            add(tally);
        }
    }

    private MetricsTally Day(long ms)
    {
        var day = Epoch.Day(ms);
        return _days.TryGetValue(day, out var tally) ? tally : _days[day] = new MetricsTally();
    }
}
