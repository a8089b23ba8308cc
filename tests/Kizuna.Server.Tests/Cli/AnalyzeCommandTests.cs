using System.Text.RegularExpressions;
using Kizuna.Server;
using Kizuna.Server.Cli;

namespace Kizuna.Cli;

/// <summary><c>kizuna analyze</c> run as a process over orders imported by <c>kizuna import</c>.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kizuna-analyze-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Analyze_ImportedOrders_ScoresEveryBuyerAndPrintsTheCommerceHeadline()
    {
        // Three buyers, one of them twice: revenue 15.30 + 20.00 + 5.00 + 12.30 = 52.60 over 4 orders.
        var data = await ImportAsync(
            """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2011-01-05 08:26:00,2.55,17850,United Kingdom
            536401,22633,HAND WARMER UNION JACK,1,2011-02-01 10:00:00,5.00,17851,United Kingdom
            536400,22632,HAND WARMER RED POLKA DOT,2,2011-03-01 09:00:00,10.00,17850,United Kingdom
            536402,22634,HAND WARMER BIRD DESIGN,3,2011-03-10 11:00:00,4.10,17852,United Kingdom
            """);

        var run = await KizunaProcess.RunAsync(_folder.FullName, ["analyze", "--data", data, "--Logging:LogLevel:Default=Warning"], Ct);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Text);
        Assert.Matches(new Regex(@"Customers scored\W+3\W"), run.Output);
        Assert.Matches(new Regex(@"Revenue \(GBP\)\W+52\.60\W"), run.Output);
        Assert.Matches(new Regex(@"Orders\W+4\W"), run.Output);
        Assert.Matches(new Regex(@"Average order value \(GBP\)\W+13\.15\W"), run.Output);
        Assert.Matches(new Regex(@"Repeat purchase rate\W+33\.3"), run.Output);
        Assert.Matches(new Regex(@"RFM: [A-Za-z' ]+\W+\d"), run.Output);
    }

    [Fact]
    public async Task Analyze_UnknownWorkspace_IsAUsageErrorNamingIt()
    {
        var run = await KizunaProcess.RunAsync(
            _folder.FullName, ["analyze", "--workspace", "nope", "--data", Path.Combine(_folder.FullName, "data"), "--Logging:LogLevel:Default=Warning"], Ct);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("No workspace 'nope'.", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> ImportAsync(string csvText)
    {
        var csv = Path.Combine(_folder.FullName, "orders.csv");
        await File.WriteAllTextAsync(csv, csvText + "\n", Ct);
        var mapping = Path.Combine(RepositoryPaths.Root, "docs", "examples", "online_retail.mapping.json");
        var data = Path.Combine(_folder.FullName, "data");
        var import = await KizunaProcess.RunAsync(_folder.FullName, ["import", csv, "--mapping", mapping, "--data", data, "--Logging:LogLevel:Default=Warning"], Ct);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.Text);
        return data;
    }
}
