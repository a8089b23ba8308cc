using Fluid;
using Fluid.Values;
using FluidTemplateOptions = Fluid.TemplateOptions;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Caps strings kept in variables: <c>assign</c> and <c>capture</c> can double a string per loop iteration
/// without writing a byte of output, so the output cap alone would not stop them. Every assignment also checks the
/// wall-time budget, since a loop that only assigns never writes output either.
/// </summary>
internal static class SizeGuard
{
    public static readonly FluidTemplateOptions.AssignedDelegate Assigned = (name, value, context) => Check(name, value, context);

    public static readonly FluidTemplateOptions.CapturedDelegate Captured = (name, value, context) => Check(name, value, context);

    private static ValueTask<FluidValue> Check(string name, FluidValue value, TemplateContext context)
    {
        if (KizunaTemplateContext.ScopeOf(context) is not { } scope)
        {
            return new ValueTask<FluidValue>(value);
        }

        if (value is StringValue)
        {
            var length = value.ToStringValue().Length;
            if (length > scope.Limits.MaxOutputChars)
            {
                throw new TemplateFaultException(
                    TemplateErrorKind.Limit,
                    $"The variable '{name}' holds more than the limit of {scope.Limits.MaxOutputChars} characters.",
                    name);
            }
        }

        scope.Tick();

        return new ValueTask<FluidValue>(value);
    }
}
