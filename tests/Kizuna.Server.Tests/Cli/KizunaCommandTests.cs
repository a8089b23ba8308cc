using Kizuna.Server.Cli;

namespace Kizuna.Cli;

/// <summary>The command line as parsed in the process: what is answered at once and what the application is built with.</summary>
public sealed class KizunaCommandTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("help")]
    [InlineData("serve --help")]
    [InlineData("demo --help")]
    [InlineData("migrate --help")]
    [InlineData("import --help")]
    [InlineData("import -h")]
    [InlineData("help serve")]
    [InlineData("help import")]
    [InlineData("help help")]
    [InlineData("serve --port abc --help")]
    public void Parse_HelpRequest_AnswersWithExamplesAndBuildsNothing(string args)
    {
        var output = new StringWriter();

        var command = KizunaCommand.Parse(args.Split(' '), output, new StringWriter());

        // An answered command line makes Program.cs return before the application (and its database) is built.
        Assert.Equal(ExitCodes.Ok, command.ExitCode);
        Assert.Contains("Usage:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Examples:\n  kizuna ", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve", " serve [options]")]
    [InlineData("import", " import <file> [options]")]
    [InlineData("demo", "--customers <count>")]
    public void Parse_HelpVerb_ShowsThatVerbsHelp(string verb, string expected)
    {
        var output = new StringWriter();

        KizunaCommand.Parse(["help", verb], output, new StringWriter());

        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "serve", "--prot", "5000" }, "--prot", "--port")]
    [InlineData(new[] { "import", "a.csv", "--maping", "m.json" }, "--maping", "--mapping")]
    [InlineData(new[] { "demo", "--customer", "5" }, "--customer", "--customers")]
    [InlineData(new[] { "sevre" }, "sevre", "serve")]
    [InlineData(new[] { "migrte" }, "migrte", "migrate")]
    public void Parse_UnknownOptionOrVerb_IsRefusedWithASuggestion(string[] args, string typo, string suggestion)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var command = KizunaCommand.Parse(args, output, error);

        Assert.Equal(ExitCodes.Usage, command.ExitCode);
        Assert.Contains($"Unrecognized command or argument '{typo}'.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"'{typo}' was not matched. Did you mean one of the following?\n{suggestion}\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    public void Parse_PortNotAPortNumber_IsAUsageErrorSayingWhy(string port)
    {
        var error = new StringWriter();

        var command = KizunaCommand.Parse(["serve", "--port", port], new StringWriter(), error);

        Assert.Equal(ExitCodes.Usage, command.ExitCode);
        Assert.StartsWith($"--port takes a whole number from 1 to 65535; '{port}' is not one.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Run 'kizuna serve --help' for usage and examples.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HelpForAnUnknownVerb_ListsTheVerbs()
    {
        var error = new StringWriter();

        var command = KizunaCommand.Parse(["help", "segmnt"], new StringWriter(), error);

        Assert.Equal(ExitCodes.Usage, command.ExitCode);
        Assert.Contains("'segmnt' is not a kizuna command. Commands: serve, demo, migrate, import, segment, campaign, analyze, help.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MigrateWithAServerOption_IsRefused()
    {
        var command = KizunaCommand.Parse(["migrate", "--port", "5000"], new StringWriter(), new StringWriter());

        Assert.Equal(ExitCodes.Usage, command.ExitCode);
    }

    [Fact]
    public void Parse_NoVerb_Serves()
    {
        var command = KizunaCommand.Parse(["--data", "/srv/kizuna", "--port", "8080"]);

        Assert.Null(command.ExitCode);
        Assert.Equal("serve", command.Verb);
        Assert.Equal("/srv/kizuna", command.Settings["Storage:DataDirectory"]);
        Assert.Equal("8080", command.Settings["Kestrel:Port"]);
    }

    [Fact]
    public void Parse_Postgres_ChoosesThePostgresProvider()
    {
        var command = KizunaCommand.Parse(["migrate", "--postgres=Host=db;Database=kizuna"]);

        Assert.Equal("postgres", command.Settings["Storage:Provider"]);
        Assert.Equal("Host=db;Database=kizuna", command.Settings["Storage:ConnectionString"]);
    }

    [Fact]
    public void Parse_ConfigurationKeysAnywhere_GoToTheHostAsGiven()
    {
        var command = KizunaCommand.Parse(
        [
            "--Logging:Console:FormatterName=json", "serve", "--urls", "http://0.0.0.0:8080",
            "--Setup:AdminPassword", "s3cret", "--environment", "Staging", "--data", "./d",
        ]);

        Assert.Null(command.ExitCode);
        Assert.Equal(["--Logging:Console:FormatterName=json", "--Setup:AdminPassword", "s3cret", "--environment", "Staging", "--urls=http://0.0.0.0:8080"], command.HostArgs);
        Assert.Equal("./d", command.Settings["Storage:DataDirectory"]);
    }
}
