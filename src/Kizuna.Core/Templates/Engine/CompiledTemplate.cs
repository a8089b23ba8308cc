using Fluid;

namespace Kizuna.Templates.Engine;

/// <summary>A parsed template, or the errors that stopped it from parsing.</summary>
internal sealed record CompiledTemplate(string Source, IFluidTemplate? Template, IReadOnlyList<TemplateError> Errors, IReadOnlyCollection<string> UnknownFilters);
