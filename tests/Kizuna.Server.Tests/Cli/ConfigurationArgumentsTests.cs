using Kizuna.Server.Cli;

namespace Kizuna.Cli;

public sealed class ConfigurationArgumentsTests
{
    [Fact]
    public void Split_ConfigurationKeys_AreTakenOutWithTheirValues()
    {
        var (command, configuration) = ConfigurationArguments.Split(
            ["serve", "--Logging:LogLevel:Default", "Warning", "--port", "8080", "--Setup:AdminPassword=s3cret", "--environment=Staging"]);

        Assert.Equal(["serve", "--port", "8080"], command);
        Assert.Equal(["--Logging:LogLevel:Default", "Warning", "--Setup:AdminPassword=s3cret", "--environment=Staging"], configuration);
    }

    [Fact]
    public void Split_FlattenedSections_AreConfiguration()
    {
        // How the test host and other tools hand over a configuration: the section, then its keys.
        var (command, configuration) = ConfigurationArguments.Split(["--Storage=", "--Storage:DataDirectory=/tmp/d", "--applicationName=kizuna"]);

        Assert.Empty(command);
        Assert.Equal(["--Storage=", "--Storage:DataDirectory=/tmp/d", "--applicationName=kizuna"], configuration);
    }

    [Theory]
    [InlineData("--prot=5000")]
    [InlineData("--Storage=")]
    [InlineData("--verbose")]
    [InlineData("-p")]
    public void Split_UnknownFlagsWithoutColon_StayForTheParserToRefuse(string arg)
    {
        var (command, configuration) = ConfigurationArguments.Split(["serve", arg]);

        Assert.Equal(["serve", arg], command);
        Assert.Empty(configuration);
    }
}
