using Kizuna.Messaging.Content;
using Kizuna.Templates;

namespace Kizuna.Messaging.Channels.InApp;

/// <summary>Renders every Liquid field of a template for one customer, trimmed; the first field that fails ends it.</summary>
internal static class LiquidFields
{
    public static async ValueTask<(Dictionary<string, string?> Fields, RenderOutcome? Failed)> RenderAsync(
        TemplateService templates, MessageTemplate template, TemplateModel model, TemplateRenderOptions options, CancellationToken ct)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, source) in template.Content.LiquidFields())
        {
            if (source is null)
            {
                continue;
            }

            var rendered = await templates.RenderAsync(template.Id == 0 ? TemplateSource.Adhoc(source) : new($"message:{template.Id}:{name}", template.Version, source), model, options, ct);
            if (RenderOutcome.Failed(name, rendered) is { } failed)
            {
                return (fields, failed);
            }

            fields[name] = rendered.Output!.Trim();
        }

        return (fields, null);
    }

    public static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
