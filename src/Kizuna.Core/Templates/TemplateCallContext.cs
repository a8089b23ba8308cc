using System.Globalization;

namespace Kizuna.Templates;

/// <summary>What a feature's filter or tag may know about the render it runs in.</summary>
public sealed record TemplateCallContext(string WorkspaceId, CultureInfo Culture, TimeZoneInfo TimeZone, CancellationToken CancellationToken);
