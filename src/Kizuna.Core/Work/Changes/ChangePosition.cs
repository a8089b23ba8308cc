using System.Globalization;

namespace Kizuna.Work.Changes;

/// <summary>
/// A place in the change feed: the writing transaction's id (0 on SQLite) and the change's id. The feed is read
/// in the order of <c>(Tx, Id)</c>, which on PostgreSQL is not the order ids were handed out in.
/// </summary>
public readonly record struct ChangePosition(long Tx, long Id) : IComparable<ChangePosition>
{
    /// <summary>Before the first change.</summary>
    public static readonly ChangePosition Start = new(0, 0);

    public int CompareTo(ChangePosition other) => Tx != other.Tx ? Tx.CompareTo(other.Tx) : Id.CompareTo(other.Id);

    public static bool operator <(ChangePosition a, ChangePosition b) => a.CompareTo(b) < 0;

    public static bool operator >(ChangePosition a, ChangePosition b) => a.CompareTo(b) > 0;

    public static bool operator <=(ChangePosition a, ChangePosition b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ChangePosition a, ChangePosition b) => a.CompareTo(b) >= 0;

    /// <summary>Fixed-width digits, so positions sort as text the way they sort as positions (file names).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tx:D19}-{Id:D19}");
}
