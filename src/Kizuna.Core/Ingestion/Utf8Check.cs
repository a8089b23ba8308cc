using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Kizuna.Ingestion;

/// <summary>
/// Finds text that is not UTF-8 inside a JSON value. The JSON reader accepts such bytes inside strings and fails
/// only when the string is read, so a message carrying one is refused at the edge, naming where it is, instead of
/// failing later with a server error that would also lose the good messages beside it.
/// </summary>
public static class Utf8Check
{
    public const string Reason = "is not valid UTF-8 text";

    /// <summary>Whether every string and member name in the value is UTF-8 (one vectorised pass over its bytes).</summary>
    public static bool IsValid(JsonElement value) => Utf8.IsValid(JsonMarshal.GetRawUtf8Value(value));

    /// <summary>The path of the first string that is not UTF-8 (<c>properties.name</c>, <c>products[2]</c>), or null when all are.</summary>
    public static (string Field, string Reason)? Find(JsonElement value, string path)
    {
        if (IsValid(value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    if (!Utf8.IsValid(JsonMarshal.GetRawUtf8PropertyName(member)))
                    {
                        // The name itself cannot be shown; the object holding it can.
                        return (path, "has a member name that is not valid UTF-8 text");
                    }

                    if (Find(member.Value, path.Length == 0 ? member.Name : $"{path}.{member.Name}") is { } inMember)
                    {
                        return inMember;
                    }
                }

                return (path, Reason);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } inItem)
                    {
                        return inItem;
                    }
                }

                return (path, Reason);
            default:
                return (path, Reason);
        }
    }
}
