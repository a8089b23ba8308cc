using System.Globalization;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Segments.Evaluation;

/// <summary>Binds constants of a compiled definition, each as the engine compares it.</summary>
internal sealed class SqlParameters(SqlDialect dialect)
{
    private int _next;

    public DynamicParameters Values { get; } = new();

    public SqlDialect Dialect => dialect;

    public bool Postgres => dialect.Kind == StoreKind.Postgres;

    public string Add(object? value)
    {
        // The trailing underscore keeps names from being prefixes of one another: Dapper expands a list bound to
        // @s2 into @s21, @s22, … on SQLite, which would collide with the constants bound as @s21 and @s22.
        var name = "@s" + (_next++).ToString(CultureInfo.InvariantCulture) + "_";
        Values.Add(name[1..], value);
        return name;
    }

    /// <summary>A number: SQLite compares JSON and REAL values as doubles, PostgreSQL as numeric.</summary>
    public string Number(decimal value) => Postgres ? Add(value) : Add((double)value);

    /// <summary>An amount compared with a money column (ten-thousandths on SQLite).</summary>
    public string Money(decimal value) => Add(Commerce.Money.ToStored(value, dialect.Kind));

    /// <summary><paramref name="column"/> is one of <paramref name="values"/>.</summary>
    public string OneOf(string column, IEnumerable<string> values) => dialect.OneOf(column, Add(values.ToArray()));

    /// <summary>A dotted path into a JSON column: a JSON path on SQLite, a text array for PostgreSQL's <c>#&gt;</c>.</summary>
    public string Path(string dotted) => Postgres
        ? Add(dotted.Split('.'))
        : Add("$" + string.Concat(dotted.Split('.').Select(s => ".\"" + s + "\"")));
}
