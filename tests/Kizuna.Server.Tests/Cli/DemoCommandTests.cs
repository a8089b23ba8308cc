using Kizuna.Server.Cli;

namespace Kizuna.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public void Parse_DemoWithoutDataFolder_UsesDataDemo()
    {
        var command = KizunaCommand.Parse(["demo", "--customers", "50"]);

        Assert.Null(command.ExitCode);
        Assert.Equal("demo", command.Verb);
        Assert.Equal(Path.Combine("data", "demo"), command.Settings["Storage:DataDirectory"]);
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

    [Theory]
    [InlineData("0")]
    [InlineData("1000001")]
    [InlineData("many")]
    public void Parse_DemoCustomersOutOfRange_IsAUsageErrorNamingTheRange(string customers)
    {
        var error = new StringWriter();

        var command = KizunaCommand.Parse(["demo", "--customers", customers], new StringWriter(), error);

        Assert.Equal(ExitCodes.Usage, command.ExitCode);
        Assert.Contains($"--customers takes a whole number from 1 to 1000000; '{customers}' is not one.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Serve_LeavesTheDataFolderToConfiguration()
    {
        var command = KizunaCommand.Parse(["serve"]);

        Assert.False(command.Settings.ContainsKey("Storage:DataDirectory"));
    }
}
