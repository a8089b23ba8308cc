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
internal static class ContentBlockTag
{
    public static async ValueTask<Completion> RenderAsync(Expression nameExpression, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        context.IncrementSteps();
        var scope = KizunaTemplateContext.ScopeOf(context)
            ?? throw new InvalidOperationException("Content blocks render only through the template service.");
        var name = (await nameExpression.EvaluateAsync(context)).ToStringValue();
        scope.EnterPartial(name);
        try
        {
            var template = await scope.ResolvePartialAsync(name);
            if (template is FluidTemplate fluidTemplate)
            {
                foreach (var statement in fluidTemplate.Statements)
                {
                    await statement.WriteToAsync(writer, encoder, context);
                }
            }
            else
            {
                await template.RenderAsync(writer, encoder, context);
            }
        }
        finally
        {
            scope.ExitPartial();
        }

        return Completion.Normal;
    }
}
