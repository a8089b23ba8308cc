using System.Globalization;
using System.Xml;

namespace Kizuna.Messaging.Guardrails;

/// <summary>The ISO 8601 durations (<c>P1D</c>, <c>PT12H</c>) and <c>HH:mm</c> times the settings are written in.</summary>
public static class Durations
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P'))
        {
            return null;
        }

        try
        {
            var span = XmlConvert.ToTimeSpan(text);
            return span > TimeSpan.Zero ? span : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static TimeOnly? TimeOfDay(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}
