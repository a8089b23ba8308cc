namespace Kizuna.Templates.Store;

/// <summary>The stored and wire names of <see cref="TemplateKind"/>: <c>template</c> and <c>content_block</c>.</summary>
public static class TemplateKinds
{
    public const string Template = "template";
    public const string ContentBlock = "content_block";

    public static string Name(TemplateKind kind) => kind == TemplateKind.ContentBlock ? ContentBlock : Template;

    /// <summary>A kind as stored; the database holds no other.</summary>
    public static TemplateKind Parse(string stored) =>
        TryParse(stored, out var kind) ? kind : throw new InvalidDataException($"'{stored}' is not a template kind.");

    public static bool TryParse(string? name, out TemplateKind kind)
    {
        (var known, kind) = name switch
        {
            Template => (true, TemplateKind.Template),
            ContentBlock => (true, TemplateKind.ContentBlock),
            _ => (false, TemplateKind.Template),
        };
        return known;
    }
}
