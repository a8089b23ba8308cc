using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Kizuna.Templates.Engine;

namespace Kizuna.Templates.Tags;

/// <summary>
/// <c>{% content_block "footer" %}</c>: renders the workspace's current version of a reusable block with the
/// template's own variables, compiled once per version, nested no deeper than the partial-depth limit.
/// </summary>
/// <remarks>
/// A block from an in-memory or cached source resolves at once; that path runs without an async state machine and
/// falls back to awaiting from the first step that does not complete.
/// </remarks>
internal static class ContentBlockTag
{
    public static ValueTask<Completion> RenderAsync(Expression nameExpression, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        context.IncrementSteps();
        var scope = KizunaTemplateContext.ScopeOf(context)
            ?? throw new InvalidOperationException("Content blocks render only through the template service.");
        var pendingName = nameExpression.EvaluateAsync(context);
        if (!pendingName.IsCompletedSuccessfully)
        {
            return RenderSlowAsync(scope, pendingName, writer, encoder, context);
        }

        var name = pendingName.Result.ToStringValue();
        scope.EnterPartial(name);
        var exitInFinally = true;
        try
        {
            var pendingTemplate = scope.ResolveBlockAsync(name);
            if (!pendingTemplate.IsCompletedSuccessfully)
            {
                exitInFinally = false;
                return FinishAsync(scope, RenderBlockAsync(pendingTemplate, 0, writer, encoder, context));
            }

            var template = pendingTemplate.Result;
            if (template is not FluidTemplate fluidTemplate)
            {
                exitInFinally = false;
                return FinishAsync(scope, RenderBlockAsync(new ValueTask<IFluidTemplate>(template), 0, writer, encoder, context));
            }

            var statements = fluidTemplate.Statements;
            for (var i = 0; i < statements.Count; i++)
            {
                var pending = statements[i].WriteToAsync(writer, encoder, context);
                if (!pending.IsCompletedSuccessfully)
                {
                    exitInFinally = false;
                    return FinishAsync(scope, ContinueAsync(pending, fluidTemplate, i + 1, writer, encoder, context));
                }
            }

            return new ValueTask<Completion>(Completion.Normal);
        }
        finally
        {
            if (exitInFinally)
            {
                scope.ExitPartial();
            }
        }
    }

    private static async ValueTask<Completion> RenderSlowAsync(RenderScope scope, ValueTask<Fluid.Values.FluidValue> pendingName, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var name = (await pendingName).ToStringValue();
        scope.EnterPartial(name);
        return await FinishAsync(scope, RenderBlockAsync(scope.ResolveBlockAsync(name), 0, writer, encoder, context));
    }

    private static async ValueTask<Completion> FinishAsync(RenderScope scope, ValueTask<Completion> pending)
    {
        try
        {
            return await pending;
        }
        finally
        {
            scope.ExitPartial();
        }
    }

    private static async ValueTask<Completion> RenderBlockAsync(ValueTask<IFluidTemplate> pendingTemplate, int from, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var template = await pendingTemplate;
        if (template is not FluidTemplate fluidTemplate)
        {
            await template.RenderAsync(writer, encoder, context);
            return Completion.Normal;
        }

        for (var i = from; i < fluidTemplate.Statements.Count; i++)
        {
            await fluidTemplate.Statements[i].WriteToAsync(writer, encoder, context);
        }

        return Completion.Normal;
    }

    private static async ValueTask<Completion> ContinueAsync(ValueTask<Completion> pending, FluidTemplate template, int from, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        await pending;
        return await RenderBlockAsync(new ValueTask<IFluidTemplate>(template), from, writer, encoder, context);
    }
}
