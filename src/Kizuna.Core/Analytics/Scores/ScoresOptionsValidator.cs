using Microsoft.Extensions.Options;

namespace Kizuna.Analytics.Scores;

/// <summary>Refuses a time zone the system does not know at start, not at the first schedule.</summary>
public sealed class ScoresOptionsValidator : IValidateOptions<ScoresOptions>
{
    public ValidateOptionsResult Validate(string? name, ScoresOptions options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ScoresOptions.Section}:TimeZone: '{options.TimeZone}' is not a known time zone.");
}
