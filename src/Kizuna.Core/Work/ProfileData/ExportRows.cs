using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Work.ProfileData;

/// <summary>Reads a table's rows for a data-subject export, each as a JSON object of its columns (see <see cref="ExportColumns"/>).</summary>
internal static class ExportRows
{
    public static async Task<JsonArray> ReadAsync(DbConnection connection, DbTransaction transaction, ProfileTable table, string sql, object parameters, StoreKind kind, CancellationToken ct)
    {
        var rows = new JsonArray();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
        var export = table.Export;
        while (await reader.ReadAsync(ct))
        {
            var row = new JsonObject();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetName(i);
                if (!export.Omit.Contains(name))
                {
                    row[name] = reader.IsDBNull(i) ? null : Value(export, name, reader.GetValue(i), kind);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private static JsonNode? Value(ExportColumns export, string name, object value, StoreKind kind) =>
        export.Json.Contains(name) ? JsonNode.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!)
        : export.Times.Contains(name) ? JsonValue.Create(Epoch.FromMs(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)))
        : export.Money.Contains(name) ? JsonValue.Create(Money.FromStored(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture), kind))
        : export.Uuids.Contains(name) ? JsonValue.Create(StoredGuid.Read(value).ToString())
        : value switch
        {
            long l => JsonValue.Create(l),
            int n => JsonValue.Create(n),
            short s => JsonValue.Create(s),
            double d => JsonValue.Create(d),
            decimal m => JsonValue.Create(m),
            bool b => JsonValue.Create(b),
            string text => JsonValue.Create(text),
            byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
            _ => JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
        };
}
