using System.Globalization;
using Kizuna.Storage;

namespace Kizuna.Commerce;

/// <summary>
/// Amounts of money: <c>decimal</c> in code, kept to <see cref="Scale"/> decimal places (the finest minor unit ISO
/// 4217 has, e.g. CLF), stored exactly in both engines: PostgreSQL as <c>numeric(28,4)</c>, SQLite as an
/// <c>INTEGER</c> count of ten-thousandths (SQLite has no decimal type, and an integer sorts, compares and sums
/// exactly in SQL). A value sent with more places (<c>0.30000000000000004</c> from a client's binary arithmetic) is
/// rounded half away from zero, as PostgreSQL rounds into <c>numeric(28,4)</c>.
/// </summary>
public static class Money
{
    /// <summary>Decimal places kept.</summary>
    public const int Scale = 4;

    /// <summary>Stored units per 1 on SQLite.</summary>
    public const long SqliteUnits = 10_000;

    /// <summary>Rounds to <see cref="Scale"/> places and drops trailing zeros, so 59.50 is written as 59.5 and 12800.0000 as 12800.</summary>
    public static decimal Round(decimal value) => Normalize(decimal.Round(value, Scale, MidpointRounding.AwayFromZero));

    /// <summary>The value to bind for a money column of the engine.</summary>
    public static object ToStored(decimal value, StoreKind kind)
    {
        var rounded = Round(value);
        if (kind == StoreKind.Postgres)
        {
            return rounded;
        }

        // Beyond 9.2 × 10^14 an integer of ten-thousandths overflows; only a sum of hundreds of the largest orders
        // gets there, and it is held at the limit rather than failing the transaction it shares with other requests.
        var units = rounded * SqliteUnits;
        return units >= long.MaxValue ? long.MaxValue : units <= long.MinValue ? long.MinValue : (long)units;
    }

    /// <summary>A value read from a money column: SQLite's ten-thousandths (however the reader typed them) or PostgreSQL's numeric.</summary>
    public static decimal FromStored(decimal stored, StoreKind kind) =>
        Normalize(kind == StoreKind.Sqlite ? stored / SqliteUnits : stored);

    /// <summary>A nullable value read from a money column.</summary>
    public static decimal? FromStored(decimal? stored, StoreKind kind) => stored is { } s ? FromStored(s, kind) : null;

    /// <summary>A SQL sum of a money expression that cannot overflow on SQLite: whole units and the fractions add up separately (see <see cref="Sum"/>).</summary>
    public static string SumSql(string expression, StoreKind kind) => kind == StoreKind.Postgres
        ? $"COALESCE(SUM({expression}), 0), 0"
        : $"COALESCE(SUM(({expression}) / {SqliteUnits}), 0), COALESCE(SUM(({expression}) % {SqliteUnits}), 0)";

    /// <summary>The amount the two columns of <see cref="SumSql"/> stand for.</summary>
    public static decimal Sum(decimal whole, decimal fraction, StoreKind kind) =>
        kind == StoreKind.Postgres ? Normalize(whole) : Normalize(whole + (fraction / SqliteUnits));

    /// <summary>An amount as the invariant text wire formats and logs use, without trailing zeros.</summary>
    public static string Format(decimal value) => Round(value).ToString(CultureInfo.InvariantCulture);

    // Dividing by 1 written with many zeros makes decimal drop the scale it carries.
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
