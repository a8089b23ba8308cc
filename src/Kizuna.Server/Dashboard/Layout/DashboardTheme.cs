using MudBlazor;

namespace Kizuna.Server.Dashboard.Layout;

/// <summary>The dashboard's colours and a type stack that renders Japanese well.</summary>
public static class DashboardTheme
{
    public static readonly MudTheme Value = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#8c2f39",
            Secondary = "#2f5d8c",
            AppbarBackground = "#8c2f39",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Roboto", "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "sans-serif"],
            },
        },
    };
}
