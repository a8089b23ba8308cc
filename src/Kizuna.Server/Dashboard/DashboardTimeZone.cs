using System.Globalization;
using Kizuna.Workspaces;
using Microsoft.JSInterop;

namespace Kizuna.Server.Dashboard;

/// <summary>
/// The zone one circuit shows times in: the signed-in user's setting, else the browser's own zone (read through JS
/// once the circuit is live), UTC until then. Components showing times re-render on <see cref="Changed"/>.
/// </summary>
public sealed class DashboardTimeZone(UserTimeZones zones, IJSRuntime js)
{
    private bool _loaded;
    private bool _detected;

    public event Action? Changed;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The user's saved zone, or null when they follow the browser.</summary>
    public string? Setting { get; private set; }

    /// <summary>The browser's zone once it is known.</summary>
    public string? BrowserZone { get; private set; }

    /// <summary>
    /// Reads the user's setting, so a user who chose a zone sees it from the first render on, before any script runs.
    /// </summary>
    public async Task LoadAsync(long userId, CancellationToken ct)
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        Setting = await zones.GetAsync(userId, ct);
        Apply();
    }

    /// <summary>Reads the browser's zone; call after the first interactive render (JS is not there before).</summary>
    public async Task DetectAsync(long userId, CancellationToken ct)
    {
        await LoadAsync(userId, ct);
        if (_detected)
        {
            return;
        }

        _detected = true;
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", ct, "./js/time-zone.js");
            BrowserZone = await module.InvokeAsync<string?>("timeZone", ct);
        }
        catch (JSException)
        {
            // A browser that names no zone leaves the setting or UTC.
        }

        Apply();
    }

    /// <summary>Saves the user's choice (null: follow the browser) and shows it at once.</summary>
    public async Task SaveAsync(long userId, string? zone, CancellationToken ct)
    {
        await zones.SetAsync(userId, zone, ct);
        Setting = zone;
        Apply();
    }

    /// <summary>A time written in the user's zone and the reader's language.</summary>
    public string Format(DateTimeOffset? time) => Format(time, Zone);

    /// <summary>A time written in <paramref name="zone"/> and the reader's language.</summary>
    public static string Format(DateTimeOffset? time, TimeZoneInfo zone) =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("g", CultureInfo.CurrentCulture) : "—";

    private void Apply()
    {
        Zone = UserTimeZones.Find(Setting) ?? UserTimeZones.Find(BrowserZone) ?? TimeZoneInfo.Utc;
        Changed?.Invoke();
    }
}
