using System.Globalization;

namespace Kizuna.Journeys.Model;

/// <summary>Durations as journeys write them: a whole number and a unit, <c>30m</c>, <c>1h</c>, <c>7d</c>, <c>2w</c>.</summary>
public static class JourneyDurations
{
    /// <summary>The longest duration a journey may name (a wait of more than ten years is a mistake).</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(3660);

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (text is not { Length: >= 2 }
            || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n <= 0)
        {
            return false;
        }

        TimeSpan? d = text[^1] switch
        {
            'm' when n <= Max.TotalMinutes => TimeSpan.FromMinutes(n),
            'h' when n <= Max.TotalHours => TimeSpan.FromHours(n),
            'd' when n <= Max.TotalDays => TimeSpan.FromDays(n),
            'w' when n * 7 <= Max.TotalDays => TimeSpan.FromDays(n * 7),
            _ => null,
        };
        duration = d ?? default;
        return d is not null;
    }

    /// <summary>A parsed duration; only for definitions that passed validation.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var d) ? d : throw new InvalidDataException($"'{text}' is not a duration.");
}
