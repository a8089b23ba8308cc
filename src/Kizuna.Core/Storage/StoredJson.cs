using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kizuna.Storage;

/// <summary>JSON as Kizuna stores it: UTF-8 text as written (日本語 stays readable, not <c>\u65E5</c>).</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same, with the camelCase names of the HTTP API, for documents handed to people (exports).</summary>
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
