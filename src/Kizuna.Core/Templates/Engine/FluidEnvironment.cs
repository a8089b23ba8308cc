using System.Globalization;
using Fluid;
using Kizuna.Templates.Filters;
using Kizuna.Templates.Values;
using FluidTemplateOptions = Fluid.TemplateOptions;

namespace Kizuna.Templates.Engine;

/// <summary>
/// The one configured Fluid: parser with Kizuna's tags, options with Shopify-exact and Kizuna filters, a safe
/// member access strategy (registered view types only) and partials answered from the workspace.
/// Built once per process; Fluid's parser and options are safe to share across threads once configured.
/// </summary>
internal sealed class FluidEnvironment
{
    public FluidEnvironment(TemplateOptions options, IEnumerable<ITemplateExtension> extensions)
    {
        Parser = new KizunaParser();
        var partials = new PartialFileProvider();
        Options = new FluidTemplateOptions
        {
            MemberAccessStrategy = new DefaultMemberAccessStrategy(),
            ModelNamesComparer = StringComparer.Ordinal,
            FileProvider = partials,
#pragma warning disable FLUID001 // see PartialFileProvider
            TemplateCache = partials,
#pragma warning restore FLUID001
            MaxRecursion = options.MaxRecursion,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
        Options.ValueConverters.Add(TemplateValueConverter.Convert);

        StandardFilters.Register(Options.Filters);
        KizunaFilters.Register(Options.Filters);

        var registry = new TemplateExtensionRegistry(Parser, Options);
        foreach (var extension in extensions)
        {
            extension.Register(registry);
        }
    }

    public FluidParser Parser { get; }

    public FluidTemplateOptions Options { get; }

    public bool IsKnownFilter(string name) => Options.Filters.TryGetValue(name, out _);
}
