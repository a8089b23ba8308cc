namespace Kizuna.Browser;

public sealed class ScreenshotTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    public void ScreenshotFolders_NoRefreshAsked_OnlyTheTestOutput(string? refresh)
    {
        var folders = DashboardPages.ScreenshotFolders(refresh).ToList();

        Assert.Equal([Path.Combine(AppContext.BaseDirectory, "screenshots")], folders);
        Assert.DoesNotContain(folders, f => f.Contains(Path.Combine("docs", "images"), StringComparison.Ordinal));
    }

    [Fact]
    public void ScreenshotFolders_RefreshAsked_AlsoTheDocumentationImages()
    {
        var folders = DashboardPages.ScreenshotFolders("1").ToList();

        Assert.Equal(2, folders.Count);
        Assert.EndsWith(Path.Combine("docs", "images"), folders[1], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folders[1], "..", "..", "Kizuna.slnx")));
    }
}
