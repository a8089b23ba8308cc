using Kizuna.Segments.Definitions;

namespace Kizuna.Segments.Evaluation;

/// <summary>
/// A definition as a test of one profile's <see cref="ProfileState"/>, meaning exactly what
/// <see cref="SegmentSqlCompiler"/>'s query means (the differential test holds the two to it).
/// </summary>
public sealed class SegmentPredicate(Condition condition, DateTimeOffset now)
{
    private readonly SegmentClock _clock = new(now);

    public Condition Condition { get; } = condition;

    public bool Matches(ProfileState state) => Eval(Condition, state);

    private bool Eval(Condition condition, ProfileState state) => condition switch
    {
        AndCondition and => and.Conditions.All(c => Eval(c, state)),
        OrCondition or => or.Conditions.Any(c => Eval(c, state)),
        NotCondition not => !Eval(not.Condition, state),
        FieldCondition field => new ValueTests(_clock).Matches(Probe.Field(state, field), field.Type, field.Test, () => Probe.ProfileField(state, "timezone")),
        PerformedCondition performed => ValueTests.Number(Count(performed, state), performed.Count),
        EventTimeCondition time => ValueTests.Moment(Time(time, state), time.Test, _clock),
        CommerceCondition commerce => Commerce(commerce, state),
        BoughtCondition bought => Bought(bought, state),
        RefundedCondition refunded => Refunded(refunded, state),
        InSegmentCondition segment => state.Segments.Contains(segment.SegmentId),
        BucketCondition bucket => ValueTests.Number(RandomBucket.Of(state.Id), bucket.Test),
        _ => false,
    };

    private long Count(PerformedCondition performed, ProfileState state)
    {
        if (performed.Where.Count > 0)
        {
            var (from, to) = _clock.Millis(performed.Window);
            return Matching(state, performed.Event, performed.Where).LongCount(e => e.Ts >= from && e.Ts < to);
        }

        if (performed.Window is null)
        {
            return state.Events.TryGetValue(performed.Event, out var total) ? total.Count : 0;
        }

        var (first, last) = _clock.Days(performed.Window);
        return state.Daily.TryGetValue(performed.Event, out var days)
            ? days.Where(d => d.Key >= first && (last is null || d.Key <= last)).Sum(d => d.Value)
            : 0;
    }

    private long? Time(EventTimeCondition time, ProfileState state)
    {
        if (time.Where.Count == 0)
        {
            return state.Events.TryGetValue(time.Event, out var total) ? time.Which == EventTime.First ? total.FirstAt : total.LastAt : null;
        }

        var times = Matching(state, time.Event, time.Where).Select(e => e.Ts).ToList();
        return times.Count == 0 ? null : time.Which == EventTime.First ? times.Min() : times.Max();
    }

    private IEnumerable<TrackedEvent> Matching(ProfileState state, string name, ValueList<PropertyFilter> where)
    {
        var tests = new ValueTests(_clock);
        return state.Tracked.TryGetValue(name, out var events)
            ? events.Where(e => where.All(f => tests.Matches(Probe.Json(e.Properties, f.Path), f.Type, f.Test, () => null)))
            : [];
    }

    private bool Commerce(CommerceCondition commerce, ProfileState state) => commerce.Metric switch
    {
        CommerceMetric.OrderCount => ValueTests.Number(state.OrderCount, commerce.Test),
        CommerceMetric.TotalSpent => ValueTests.Number(state.TotalSpent, commerce.Test),
        // Compared as total against the operand times the count, exactly as the SQL does, so no division rounds.
        CommerceMetric.AverageOrderValue => state.OrderCount > 0 && ValueTests.Number(state.TotalSpent, commerce.Test, state.OrderCount),
        CommerceMetric.FirstOrderAt => ValueTests.Moment(state.FirstOrderAt, commerce.Test, _clock),
        _ => ValueTests.Moment(state.LastOrderAt, commerce.Test, _clock),
    };

    private bool Bought(BoughtCondition bought, ProfileState state)
    {
        var (from, to) = _clock.Millis(bought.Window);
        return state.Orders.Any(o => o.Status != "cancelled" && o.PlacedAt >= from && o.PlacedAt < to
            && o.Lines.Any(l => (bought.By switch { ProductKey.Product => l.ProductId, ProductKey.Sku => l.Sku, _ => l.Category }) == bought.Value));
    }

    private bool Refunded(RefundedCondition refunded, ProfileState state)
    {
        var (from, to) = _clock.Millis(refunded.Window);
        return state.Orders.Any(o => o.Status is "refunded" or "partially_refunded" && o.UpdatedAt >= from && o.UpdatedAt < to);
    }
}
