using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Kizuna.Templates.Engine;

namespace Kizuna.Templates.Tags;

/// <summary>
/// <c>{% abort_message "no recommendations" %}</c>: stops rendering for this recipient; messaging skips the send and
/// records the reason.
/// </summary>
internal static class AbortMessageTag
{
    public const string DefaultReason = "The template aborted the message.";

    public static async ValueTask<Completion> RenderAsync(Expression? reasonExpression, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var reason = reasonExpression is null ? string.Empty : (await reasonExpression.EvaluateAsync(context)).ToStringValue();
        if (KizunaTemplateContext.ScopeOf(context) is { } scope)
        {
            scope.AbortReason = reason.Length == 0 ? DefaultReason : reason;
        }

        throw new MessageAbortedException();
    }
}
