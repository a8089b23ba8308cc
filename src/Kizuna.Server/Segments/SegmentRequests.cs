using System.Text.Json;

namespace Kizuna.Server.Segments;

/// <summary>
/// Body of <c>POST /api/segments</c> and <c>PUT /api/segments/{id}</c>: a name, a description, and the definition
/// either as the JSON tree (<c>definition</c>) or in the text form (<c>text</c>). On a save, <c>expectedVersion</c>
/// refuses it (409) when someone saved another version since.
/// </summary>
public sealed record SaveSegmentRequest(string? Name, JsonElement? Definition = null, string? Text = null, string? Description = null, int? ExpectedVersion = null);

/// <summary>Body of <c>POST /api/segments/validate</c> and <c>/preview</c>: the definition as the JSON tree or in the text form.</summary>
public sealed record SegmentDefinitionRequest(JsonElement? Definition = null, string? Text = null, int? SampleSize = null);
