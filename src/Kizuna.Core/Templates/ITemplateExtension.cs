namespace Kizuna.Templates;

/// <summary>
/// Extension point: a feature (recommendations, loyalty, surveys) adds its own filters, tags and view types.
/// Register implementations in DI; the template service applies them once when it is built.
/// </summary>
public interface ITemplateExtension
{
    void Register(TemplateExtensionRegistry registry);
}
