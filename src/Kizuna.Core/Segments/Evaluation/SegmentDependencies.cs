using Kizuna.Segments.Definitions;

namespace Kizuna.Segments.Evaluation;

/// <summary>
/// What a definition reads, so a change re-checks only the segments it can affect and the state reader loads only
/// what they need. <see cref="TimeSensitive"/>: membership can change with the passing of time alone (a window of
/// the last N days, "N days ago", an anniversary), so the segment needs a periodic sweep.
/// </summary>
public sealed class SegmentDependencies
{
    /// <summary>Top-level trait names read (<c>address</c> for <c>trait.address.city</c>).</summary>
    public HashSet<string> Traits { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the stored context (time zone, locale) is read.</summary>
    public bool Context { get; private set; }

    /// <summary>Every event name read, by counts, windows, first/last times or property filters.</summary>
    public HashSet<string> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>Event names counted within a window (daily roll-ups).</summary>
    public HashSet<string> WindowedEvents { get; } = new(StringComparer.Ordinal);

    /// <summary>Event names whose stored events are read for property filters.</summary>
    public HashSet<string> EventsWithProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether order count, spend or first/last order time are read.</summary>
    public bool Commerce { get; private set; }

    /// <summary>Whether orders and their lines are read (bought, refunded).</summary>
    public bool Orders { get; private set; }

    /// <summary>Names of computed values read (<c>computed_values</c>).</summary>
    public HashSet<string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Other segments whose membership is read.</summary>
    public HashSet<long> Segments { get; } = [];

    public bool TimeSensitive { get; private set; }

    public static SegmentDependencies Of(Condition condition) => Of([condition]);

    /// <summary>The union over several definitions (what to load to evaluate them all).</summary>
    public static SegmentDependencies Of(IEnumerable<Condition> conditions)
    {
        var result = new SegmentDependencies();
        foreach (var condition in conditions)
        {
            result.Add(condition);
        }

        return result;
    }

    private void Add(Condition condition)
    {
        switch (condition)
        {
            case AndCondition and:
                and.Conditions.ToList().ForEach(Add);
                break;
            case OrCondition or:
                or.Conditions.ToList().ForEach(Add);
                break;
            case NotCondition not:
                Add(not.Condition);
                break;
            case FieldCondition field:
                Field(field);
                break;
            case PerformedCondition performed:
                Events.Add(performed.Event);
                if (performed.Where.Count > 0)
                {
                    EventsWithProperties.Add(performed.Event);
                    TimeSensitive |= performed.Where.Any(f => Relative(f.Test));
                }
                else if (performed.Window is not null)
                {
                    WindowedEvents.Add(performed.Event);
                }

                TimeSensitive |= performed.Window?.Days is not null;
                break;
            case EventTimeCondition time:
                Events.Add(time.Event);
                if (time.Where.Count > 0)
                {
                    EventsWithProperties.Add(time.Event);
                }

                TimeSensitive |= Relative(time.Test) || time.Where.Any(f => Relative(f.Test));
                break;
            case CommerceCondition commerce:
                Commerce = true;
                TimeSensitive |= Relative(commerce.Test);
                break;
            case BoughtCondition bought:
                Orders = true;
                TimeSensitive |= bought.Window?.Days is not null;
                break;
            case RefundedCondition refunded:
                Orders = true;
                TimeSensitive |= refunded.Window?.Days is not null;
                break;
            case InSegmentCondition segment:
                Segments.Add(segment.SegmentId);
                break;
        }
    }

    private void Field(FieldCondition field)
    {
        TimeSensitive |= Relative(field.Test);
        if (field.Test.Operator == Operator.AnniversaryWithinDays)
        {
            Context = true;
            Traits.Add("timezone");
        }

        switch (field.Source)
        {
            case FieldSource.Trait:
                Traits.Add(field.Name.Split('.')[0]);
                break;
            case FieldSource.Value:
                Values.Add(field.Name);
                break;
            default:
                Context |= field.Name != "country";
                Traits.Add(field.Name);
                if (field.Name == "country")
                {
                    Traits.Add("address");
                }

                break;
        }
    }

    private static bool Relative(Test test) =>
        test.Operator is Operator.MoreThanDaysAgo or Operator.LessThanDaysAgo or Operator.AnniversaryWithinDays;
}
