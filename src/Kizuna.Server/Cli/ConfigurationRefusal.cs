using Microsoft.Extensions.Options;

namespace Kizuna.Server.Cli;

/// <summary>
/// Says plainly which setting was refused (<c>Storage:Provider is 'postgress' … Accepted values: sqlite, postgres.</c>)
/// and ends with exit code 1, instead of a stack trace.
/// </summary>
internal static class ConfigurationRefusal
{
    /// <summary>Writes the failures when <paramref name="exception"/> is options validation; false for any other exception.</summary>
    public static bool TryReport(Exception exception, TextWriter error)
    {
        IEnumerable<OptionsValidationException>? refusals = exception switch
        {
            OptionsValidationException one => [one],
            AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) => many.InnerExceptions.Cast<OptionsValidationException>(),
            _ => null,
        };
        if (refusals is null)
        {
            return false;
        }

        foreach (var failure in refusals.SelectMany(r => r.Failures))
        {
            error.WriteLine($"Configuration refused: {failure}");
        }

        return true;
    }
}
