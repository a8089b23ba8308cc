using System.Globalization;
using CsvHelper;
using Kizuna.Commerce;
using Kizuna.Ingestion;

namespace Kizuna.Imports;

/// <summary>
/// The current line of the file, read through the mapping: fields by their Kizuna name, parsed the invariant
/// way, with a reason a person can act on when a value does not parse.
/// </summary>
internal sealed class ImportRow(CsvReader reader, ImportMapping mapping, IReadOnlyDictionary<string, int> indexes)
{
    /// <summary>
    /// How timestamps are read: a date with an offset (<c>zzz</c>, <c>K</c>) comes back in UTC rather than in the
    /// server's local time, and a missing date is never taken from today (the parse would read the wall clock, and a
    /// weekday-only value would be a date on one day of the week and an error on the others).
    /// </summary>
    public const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.NoCurrentDateDefault;

    public long LineNumber => reader.LineNumber;

    /// <summary>The trimmed value of a mapped field; null when unmapped or empty.</summary>
    public string? Text(string field) => indexes.TryGetValue(field, out var index) ? Cell(index, field) : null;

    /// <summary>The value of a CSV column by header (traits, properties).</summary>
    public string? Column(string header) => indexes.TryGetValue("\0" + header, out var index) ? Cell(index, header) : null;

    public string Required(string field) => Text(field) ?? throw Empty(field);

    /// <summary>An identifier; <c>17850.0</c> reads as <c>17850</c> when the mapping says ids are numeric.</summary>
    public string? Id(string field)
    {
        var value = Key(field);
        if (value is null || !mapping.NumericIds)
        {
            return value;
        }

        return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number)
            ? decimal.Truncate(number).ToString(CultureInfo.InvariantCulture)
            : value;
    }

    /// <summary>An identifier as written, no longer than the tracking API accepts.</summary>
    public string? Key(string field)
    {
        var value = Text(field);
        return value is { Length: > SegmentParser.MaxIdLength }
            ? throw new ImportLineException($"{field} ({mapping.Column(field)}) is {value.Length} characters long; the limit is {SegmentParser.MaxIdLength}")
            : value;
    }

    public string RequiredKey(string field) => Key(field) ?? throw Empty(field);

    public ImportLineException Empty(string field) => new($"{field} ({mapping.Column(field)}) is empty");

    /// <summary>
    /// A number as the decimal it is written as (invariant notation), never through binary floating point. A number
    /// too large for a decimal (<c>1e308</c>) reads as the largest one of its sign, so the caller's range check names it.
    /// </summary>
    public decimal Number(string field)
    {
        var value = Required(field);
        return CommerceEvents.ParseDecimal(value) is { } number ? number
            : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var large) && double.IsFinite(large)
                ? large > 0 ? decimal.MaxValue : decimal.MinValue
            : throw new ImportLineException($"{field} ({mapping.Column(field)}) '{Shorten(value)}' is not a number");
    }

    /// <summary>A price: from zero to <see cref="CommerceEvents.MaxAmount"/>, as the tracking API accepts.</summary>
    public decimal Amount(string field)
    {
        var number = Money.Round(Number(field));
        return CommerceEvents.IsAmount(number)
            ? number
            : throw new ImportLineException($"{field} ({mapping.Column(field)}) '{Shorten(Text(field)!)}' {CommerceEvents.AmountRule}");
    }

    public decimal? OptionalAmount(string field) => Text(field) is null ? null : Amount(field);

    public DateTimeOffset Timestamp(string field)
    {
        var value = Required(field);
        var parsed = mapping.TimestampFormat is { } format
            ? DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, Styles, out var exact) ? exact : (DateTime?)null
            : DateTime.TryParse(value, CultureInfo.InvariantCulture, Styles, out var loose) ? loose : null;
        // Without a date the parse leaves 0001-01-01: a time of day alone is no timestamp.
        if (parsed is not { } time || time.Date == DateTime.MinValue.Date)
        {
            var expected = mapping.TimestampFormat is null ? "an ISO 8601 date" : $"a date like {mapping.TimestampFormat}";
            throw new ImportLineException($"{field} ({mapping.Column(field)}) '{Shorten(value)}' is not {expected}");
        }

        if (time.Kind == DateTimeKind.Utc)
        {
            return new DateTimeOffset(time, TimeSpan.Zero);
        }

        // 0001-01-01 00:00 in Tokyo is still year 0 in UTC: a DateTimeOffset cannot hold it.
        var offset = mapping.TimeZone.GetUtcOffset(time);
        var utcTicks = time.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            throw new ImportLineException($"{field} ({mapping.Column(field)}) '{Shorten(value)}' in {mapping.TimeZone.Id} falls outside the years 1 to 9999 in UTC");
        }

        return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), offset);
    }

    /// <summary>A fingerprint of the whole line, for message ids of rows that carry no id of their own.</summary>
    public string Fingerprint() => Convert.ToHexStringLower(System.IO.Hashing.XxHash64.Hash(reader.RawRecord));

    private string? Cell(int index, string name)
    {
        var value = reader.GetString(index);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // PostgreSQL stores no U+0000 in text or jsonb: one such value would fail the batch, and with it the job.
        return value.Contains('\0', StringComparison.Ordinal)
            ? throw new ImportLineException($"{name} contains a NUL character (U+0000), which cannot be stored")
            : value;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
