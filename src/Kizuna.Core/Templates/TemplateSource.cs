namespace Kizuna.Templates;

/// <summary>A template body as stored: compiled once per (id, version) and cached by the service.</summary>
/// <param name="Id">Stable template id; the cache key together with <paramref name="Version"/>.</param>
/// <param name="Version">Version of the body; a new version is parsed again, the old one ages out.</param>
/// <param name="Body">Liquid source.</param>
public sealed record TemplateSource(string Id, int Version, string Body)
{
    /// <summary>A one-off template (preview, validation) that is parsed but never cached.</summary>
    public static TemplateSource Adhoc(string body) => new(string.Empty, 0, body);

    internal bool IsCacheable => Id.Length > 0;
}
