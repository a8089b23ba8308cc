using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Kizuna's <c>include</c> and <c>render</c>: the partial comes from the workspace's content blocks (resolved
/// asynchronously, versioned, compiled once) and nesting is counted. <c>include</c> runs in the caller's scope, as
/// in Shopify, so its assignments and a <c>break</c> reach the caller; <c>render</c> keeps Fluid's isolated scope
/// and gets its own counters.
/// </summary>
internal sealed class PartialStatement : Statement
{
    private readonly IncludeStatement? _include;
    private readonly RenderStatement? _render;

    public PartialStatement(IncludeStatement include) => _include = include;

    public PartialStatement(RenderStatement render) => _render = render;

    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        context.IncrementSteps();
        var scope = KizunaTemplateContext.ScopeOf(context)
            ?? throw new InvalidOperationException("Partials render only through the template service.");
        var name = _render?.Path ?? (await _include!.Path.EvaluateAsync(context)).ToStringValue();
        name = PartialFileProvider.Normalise(name);
        scope.EnterPartial(name);
        try
        {
            var template = await scope.ResolvePartialAsync(name);
            return _render is not null
                ? await RenderIsolatedAsync(scope, writer, encoder, context)
                : await IncludeAsync(name, template, writer, encoder, context);
        }
        finally
        {
            scope.ExitPartial();
        }
    }

    private async ValueTask<Completion> RenderIsolatedAsync(RenderScope scope, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var counters = scope.Counters;
        scope.Counters = new(StringComparer.Ordinal);
        PartialFileProvider.Current.Value = scope;
        try
        {
            await _render!.WriteToAsync(writer, encoder, context);
            return Completion.Normal;
        }
        finally
        {
            scope.Counters = counters;
        }
    }

    private async ValueTask<Completion> IncludeAsync(string name, IFluidTemplate template, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var include = _include!;
        var variable = include.Alias ?? name;
        if (include.With is not null)
        {
            context.SetValue(variable, await include.With.EvaluateAsync(context));
        }

        if (include.AssignStatements.Count > 0)
        {
            // Keyword arguments are visible to the partial only.
            context.EnterChildScope();
            try
            {
                foreach (var assignment in include.AssignStatements)
                {
                    await assignment.WriteToAsync(writer, encoder, context);
                }

                return await RunAsync(template, writer, encoder, context);
            }
            finally
            {
                context.ReleaseScope();
            }
        }

        if (include.For is null)
        {
            return await RunAsync(template, writer, encoder, context);
        }

        var items = await include.For.EvaluateAsync(context);
        foreach (var item in items is ArrayValue array ? array.Values : [items])
        {
            context.IncrementSteps();
            context.SetValue(variable, item);
            var completion = await RunAsync(template, writer, encoder, context);
            if (completion != Completion.Normal)
            {
                return completion;
            }
        }

        return Completion.Normal;
    }

    private static async ValueTask<Completion> RunAsync(IFluidTemplate template, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        if (template is not FluidTemplate fluidTemplate)
        {
            await template.RenderAsync(writer, encoder, context);
            return Completion.Normal;
        }

        foreach (var statement in fluidTemplate.Statements)
        {
            var completion = await statement.WriteToAsync(writer, encoder, context);
            if (completion != Completion.Normal)
            {
                return completion;
            }
        }

        return Completion.Normal;
    }
}
