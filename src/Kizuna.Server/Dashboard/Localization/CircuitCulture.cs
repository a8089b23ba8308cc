using System.Globalization;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// The language a page was opened in, to put back on work that another thread hands to the page: a call through
/// <c>InvokeAsync</c> runs with the caller's culture (the ingestion writer's, invariant), not the page's, and would
/// render English labels and invariant dates on a Japanese page.
/// </summary>
public sealed class CircuitCulture
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <summary>Sets the page's cultures on the current flow of work.</summary>
    public void Restore()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
