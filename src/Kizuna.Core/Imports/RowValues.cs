using System.Text.Json.Nodes;

namespace Kizuna.Imports;

/// <summary>Builds the JSON objects (traits, properties) a mapping lists from the current line.</summary>
internal static class RowValues
{
    public static JsonObject Object(ImportRow row, IReadOnlyDictionary<string, string> map)
    {
        var result = new JsonObject();
        foreach (var (name, header) in map)
        {
            if (row.Column(header) is { } value)
            {
                result[name] = value;
            }
        }

        return result;
    }
}
