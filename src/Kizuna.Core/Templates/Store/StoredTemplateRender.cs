namespace Kizuna.Templates.Store;

/// <summary>A stored version rendered for one customer or data set; <c>Subject</c> is null when the template has none.</summary>
public sealed record StoredTemplateRender(StoredTemplate Template, TemplateRenderResult? Subject, TemplateRenderResult Body)
{
    public bool Succeeded => Body.Succeeded && Subject is null or { Succeeded: true };
}
