namespace Kizuna.Segments.Definitions;

/// <summary>
/// A span of UTC calendar days: the last <see cref="Days"/> days including today (<c>within 30d</c>), or
/// <see cref="From"/> to <see cref="To"/> inclusive (<c>between 2026-01-01 and 2026-03-31</c>).
/// </summary>
public sealed record Window(int? Days, DateOnly? From, DateOnly? To)
{
    public static Window Within(int days) => new(days, null, null);

    public static Window Between(DateOnly from, DateOnly to) => new(null, from, to);
}
