using Kizuna.Server.Cli;

namespace Kizuna.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public void Parse_DemoWithoutDataFolder_UsesDataDemo()
    {
        var command = KizunaCommand.Parse(["demo", "--customers", "50"]);

        Assert.Equal(Path.Combine("data", "demo"), command.Settings["Storage:DataDirectory"]);
        Assert.Equal("50", command.Option("--customers"));
    }

    [Theory]
    [InlineData("--data", "/tmp/elsewhere", "Storage:DataDirectory")]
    [InlineData("--postgres", "Host=localhost", "Storage:ConnectionString")]
    public void Parse_DemoWithStorageGiven_KeepsIt(string flag, string value, string key)
    {
        var command = KizunaCommand.Parse(["demo", flag, value]);

        Assert.Equal(value, command.Settings[key]);
        Assert.False(key != "Storage:DataDirectory" && command.Settings.ContainsKey("Storage:DataDirectory"));
    }

    [Fact]
    public void Parse_Serve_LeavesTheDataFolderToConfiguration()
    {
        var command = KizunaCommand.Parse(["serve"]);

        Assert.False(command.Settings.ContainsKey("Storage:DataDirectory"));
    }
}
