using Kizuna.Server.Dashboard.Localization;
using Kizuna.Workspaces;

namespace Kizuna.Server.Dashboard;

/// <summary>The keys page explains every scope it offers, in each language of the dashboard.</summary>
public sealed class AdminTextTests
{
    public static TheoryData<string> Languages => ["en", "ja"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryScope_HasItsHelp(string language)
    {
        var text = language == "ja" ? AdminText.Ja : AdminText.En;

        var missing = Scopes.All.Where(scope => string.IsNullOrWhiteSpace(text.ScopeHelp(scope)));

        Assert.Empty(missing);
    }
}
