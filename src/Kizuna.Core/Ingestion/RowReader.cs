using System.Data.Common;
using SQLitePCL;

namespace Kizuna.Ingestion;

/// <summary>A result row of the batch writer's statements, from either a provider reader or a raw SQLite statement.</summary>
internal readonly struct RowReader
{
    private readonly DbDataReader? _reader;
    private readonly sqlite3_stmt? _statement;

    public RowReader(DbDataReader reader) => _reader = reader;

    public RowReader(sqlite3_stmt statement) => _statement = statement;

    public bool IsDBNull(int i) => _reader?.IsDBNull(i) ?? raw.sqlite3_column_type(_statement, i) == raw.SQLITE_NULL;

    public long GetInt64(int i) => _reader?.GetInt64(i) ?? raw.sqlite3_column_int64(_statement, i);

    public double GetDouble(int i) => _reader?.GetDouble(i) ?? raw.sqlite3_column_double(_statement, i);

    /// <summary>A money column (see <see cref="Commerce.Money"/>): SQLite's integer of ten-thousandths or PostgreSQL's numeric.</summary>
    public decimal GetMoney(int i, Storage.StoreKind kind) =>
        Commerce.Money.FromStored(_reader?.GetDecimal(i) ?? raw.sqlite3_column_int64(_statement, i), kind);

    public string GetString(int i) => _reader?.GetString(i) ?? raw.sqlite3_column_text(_statement, i).utf8_to_string();

    /// <summary>The value as the database typed it: a long, double, string, byte array or null.</summary>
    public object? GetValue(int i) => _reader is not null
        ? _reader.IsDBNull(i) ? null : _reader.GetValue(i)
        : raw.sqlite3_column_type(_statement, i) switch
        {
            raw.SQLITE_INTEGER => GetInt64(i),
            raw.SQLITE_FLOAT => GetDouble(i),
            raw.SQLITE_TEXT => GetString(i),
            raw.SQLITE_BLOB => GetBytes(i),
            _ => null,
        };

    public byte[] GetBytes(int i) => _reader is not null ? (byte[])_reader.GetValue(i) : raw.sqlite3_column_blob(_statement, i).ToArray();
}
