using Fluid;
using Fluid.Values;
using Kizuna.Templates.Engine;
using FluidTemplateOptions = Fluid.TemplateOptions;

namespace Kizuna.Templates;

/// <summary>Where features register filters, tags and the CLR view types templates may read.</summary>
public sealed class TemplateExtensionRegistry
{
    private readonly FluidParser _parser;
    private readonly FluidTemplateOptions _options;

    internal TemplateExtensionRegistry(FluidParser parser, FluidTemplateOptions options)
    {
        _parser = parser;
        _options = options;
    }

    /// <summary>Adds a filter; a name already taken (a standard filter included) is replaced.</summary>
    public void AddFilter(string name, TemplateFilter filter)
    {
        // Filters run for every output of every message: one that answers at once is not awaited, and one that
        // answers its input unchanged keeps the input's template value instead of converting it again.
        _options.Filters.AddFilter(name, (input, arguments, context) =>
        {
            var value = input.ToObjectValue();
            var pending = filter(value, Arguments(arguments), CallContext(context));
            return pending.IsCompletedSuccessfully
                ? ValueTask.FromResult(Result(input, value, pending.Result, context))
                : ResultAsync(input, value, pending, context);
        });
    }

    private static object?[] Arguments(FilterArguments arguments)
    {
        if (arguments.Count == 0)
        {
            return [];
        }

        var args = new object?[arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = arguments.At(i).ToObjectValue();
        }

        return args;
    }

    private static async ValueTask<FluidValue> ResultAsync(FluidValue input, object? value, ValueTask<object?> pending, TemplateContext context) =>
        Result(input, value, await pending, context);

    /// <summary>
    /// The filter's answer as a template value: its input's own when it answered the input itself and converting it
    /// would make the same value (a string to be encoded on output, a number, a boolean).
    /// </summary>
    private static FluidValue Result(FluidValue input, object? value, object? result, TemplateContext context) =>
        result is not null && ReferenceEquals(result, value) && input is StringValue { Encode: true } or NumberValue or BooleanValue
            ? input
            : FluidValue.Create(result, context.Options);

    /// <summary>Adds a tag taking one expression, e.g. <c>{% loyalty_points customer.id %}</c>.</summary>
    public void AddTag(string name, TemplateTag tag)
    {
        _parser.RegisterExpressionTag(name, async (expression, writer, encoder, context) =>
        {
            var value = await expression.EvaluateAsync(context);
            await writer.WriteAsync(await tag(value.ToObjectValue(), CallContext(context)));
            return Fluid.Ast.Completion.Normal;
        });
    }

    /// <summary>
    /// Lets templates read the named public properties of <typeparamref name="T"/> (all of them when none are
    /// named). Only registered types are readable: templates never reach arbitrary CLR members.
    /// </summary>
    public void AddViewType<T>(params string[] members)
    {
        if (members.Length == 0)
        {
            _options.MemberAccessStrategy.Register<T>();
        }
        else
        {
            _options.MemberAccessStrategy.Register<T>(members);
        }
    }

    private static TemplateCallContext CallContext(TemplateContext context)
    {
        var scope = KizunaTemplateContext.ScopeOf(context);
        return new TemplateCallContext(scope?.WorkspaceId ?? string.Empty, context.CultureInfo, context.TimeZone, scope?.CancellationToken ?? default);
    }
}
