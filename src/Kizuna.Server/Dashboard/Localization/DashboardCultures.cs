namespace Kizuna.Server.Dashboard.Localization;

/// <summary>The languages the dashboard speaks; the choice travels in the standard culture cookie or <c>?culture=</c>.</summary>
public static class DashboardCultures
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = ["en", "ja"];

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);
}
