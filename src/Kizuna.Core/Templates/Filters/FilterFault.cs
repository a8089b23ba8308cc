namespace Kizuna.Templates.Filters;

/// <summary>Builds the errors Kizuna's filters raise, located at the filter's first use in the source.</summary>
internal static class FilterFault
{
    public static TemplateFaultException Argument(string filter, string message) =>
        new(TemplateErrorKind.Render, $"{filter}: {message}", "| " + filter);

    public static TemplateFaultException Arity(string filter, int min, int max, int given) =>
        Argument(filter, min == max
            ? $"expects {min} argument{(min == 1 ? string.Empty : "s")}, got {given}."
            : $"expects {min} to {max} arguments, got {given}.");
}
