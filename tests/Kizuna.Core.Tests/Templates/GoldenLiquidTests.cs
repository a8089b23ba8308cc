using System.Text;
using System.Text.Json;
using Kizuna.Templates.ContentBlocks;

namespace Kizuna.Templates;

public sealed class GoldenLiquidTests(ITestOutputHelper output)
{
    private const double RequiredPassRate = 0.90;
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public async Task GoldenLiquid_AllCases_PassRateHoldsAndOnlyKnownCasesFail()
    {
        var suitePath = GoldenLiquidSuite.FindSuiteFile();
        if (suitePath is null)
        {
            Assert.Skip("shared/conformance/golden_liquid.json was not found above the test folder.");
        }

        var cases = GoldenLiquidSuite.Load(suitePath);
        var known = GoldenLiquidSuite.LoadKnownFailures(GoldenLiquidSuite.FindKnownFailuresFile());
        var service = TemplateService.CreateDefault();
        var failures = new List<(GoldenLiquidCase Case, string Actual)>();

        foreach (var test in cases)
        {
            var (passed, actual) = await RunAsync(service, test);
            if (!passed)
            {
                failures.Add((test, actual));
            }
        }

        var passedCount = cases.Count - failures.Count;
        var summary = $"golden-liquid: {passedCount}/{cases.Count} passed ({100.0 * passedCount / cases.Count:0.0}%)";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        WriteReportIfAsked(failures);

        var unexpected = failures.Where(f => !known.ContainsKey(f.Case.Name)).Select(f => $"{f.Case.Name}: {f.Actual}").ToList();
        Assert.True(unexpected.Count == 0, "Cases failing that are not in the known-failures list:\n" + string.Join('\n', unexpected));
        Assert.True(passedCount >= cases.Count * RequiredPassRate, summary);
    }

    internal static async Task<(bool Passed, string Actual)> RunAsync(TemplateService service, GoldenLiquidCase test)
    {
        var blocks = new InMemoryContentBlockSource();
        foreach (var (name, body) in test.Partials)
        {
            blocks.Set("golden", name, body);
        }

        var options = new TemplateRenderOptions
        {
            WorkspaceId = "golden",
            TimeZone = test.Tags.Contains("utc") ? TimeZoneInfo.Utc : Pacific,
            ContentBlocks = blocks,
        };
        var model = test.Data.ValueKind == JsonValueKind.Object ? TemplateModel.FromJson(test.Data) : TemplateModel.Empty;
        var result = await service.RenderAsync(test.Template, model, options);
        if (test.Invalid)
        {
            return (result.Errors.Count > 0, result.Errors.Count > 0 ? "error" : "rendered: " + result.Output);
        }

        return result.Output is { } text && test.Accepts(text)
            ? (true, text)
            : (false, result.Output is null ? "error: " + string.Join("; ", result.Errors) : "rendered: " + result.Output);
    }

    private static void WriteReportIfAsked(List<(GoldenLiquidCase Case, string Actual)> failures)
    {
        // KIZUNA_GOLDEN_REPORT=path writes every failing case in full, for updating the known-failures list.
        var path = Environment.GetEnvironmentVariable("KIZUNA_GOLDEN_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var report = new StringBuilder();
        foreach (var (test, actual) in failures)
        {
            report.Append("== ").Append(test.Name).Append(" [").AppendJoin(", ", test.Tags).AppendLine("]")
                .Append("template: ").AppendLine(test.Template)
                .Append("data: ").AppendLine(test.Data.ValueKind == JsonValueKind.Undefined ? "{}" : test.Data.GetRawText())
                .Append("expected: ").AppendLine(test.Invalid ? "error" : test.Result ?? string.Join(" | ", test.Results))
                .Append("actual: ").AppendLine(actual);
        }

        File.WriteAllText(path, report.ToString());
    }
}
