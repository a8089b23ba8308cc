using System.Net;
using System.Net.Sockets;
using Kizuna.Templates.ConnectedContent;
using Kizuna.Templates.ContentBlocks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kizuna.Templates;

public sealed class HostileTemplateTests
{
    private static readonly TemplateLimits Tight = new(MaxSteps: 50_000, MaxOutputChars: 10_000, MaxPartialDepth: 5, MaxRangeSize: 10_000, Timeout: TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData("{% for i in (1..2000000000) %}x{% endfor %}")]
    [InlineData("{% for i in (1..5000) %}{% for j in (1..5000) %}{% endfor %}{% endfor %}")]
    [InlineData("{% for i in (1..10000) %}{% for j in (1..10000) %}{{ j }}{% endfor %}{% endfor %}")]
    [InlineData("{% for i in (1..100000) %}0123456789{% endfor %}")]
    [InlineData("{% assign s = 'xx' %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}")]
    [InlineData("{% capture s %}xx{% endcapture %}{% for i in (1..64) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}")]
    [InlineData("{% assign s = 'aaaaaaaaaa' %}{% for i in (1..30) %}{% assign s = s | replace: 'a', 'aaaaaaaaaa' %}{% endfor %}")]
    public async Task RenderAsync_ResourceBomb_StopsWithLimitError(string template)
    {
        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, new TemplateRenderOptions { Limits = Tight }, TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Null(result.Output);
    }

    [Fact]
    public void Validate_FilterChainOfSixteenThousand_ReturnsLimitErrorInsteadOfCrashing()
    {
        var template = "{{ x" + string.Concat(Enumerable.Repeat(" | upcase", 16_000)) + " }}";

        var result = TemplateService.CreateDefault().Validate(template);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Contains("More than 100 filters", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public async Task RenderAsync_ThreeThousandNestedIfs_ReturnsLimitErrorAtTheFirstTooDeepTag()
    {
        var template = string.Concat(Enumerable.Repeat("{% if true %}", 3_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 3_000));

        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, ct: TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, (64 * "{% if true %}".Length) + 1), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("brackets")]
    [InlineData("liquid")]
    public void Validate_DeepBracketsOrLiquidTagBlocks_ReturnsLimitError(string shape)
    {
        var template = shape == "brackets"
            ? "{{ " + string.Concat(Enumerable.Repeat("a[", 5_000)) + "0" + new string(']', 5_000) + " }}"
            : "{% liquid\n" + string.Concat(Enumerable.Repeat("if true\n", 3_000)) + "echo 'x'\n" + string.Concat(Enumerable.Repeat("endif\n", 3_000)) + "%}";

        var result = TemplateService.CreateDefault().Validate(template);

        Assert.Equal(TemplateErrorKind.Limit, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void Validate_LongAndChain_ReturnsLimitErrorInsteadOfCrashing()
    {
        var template = "{% if true" + string.Concat(Enumerable.Repeat(" and true", 20_000)) + " %}y{% endif %}";

        var result = TemplateService.CreateDefault().Validate(template);

        Assert.Equal(TemplateErrorKind.Limit, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void Validate_TemplateLargerThanMaxTemplateChars_ReturnsLimitError()
    {
        var service = new TemplateService(Options.Create(new TemplateOptions { MaxTemplateChars = 1_000 }), TimeProvider.System, EmptyContentBlockSource.Instance, DisabledConnectedContentFetcher.Instance, []);

        var result = service.Validate(new string('x', 1_001));

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Contains("the limit is 1,000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, 1)]
    [InlineData(1, 50)]
    [InlineData(64, 100)]
    public async Task RenderAsync_DeepButAllowedTemplate_Renders(int nesting, int filters)
    {
        var template = string.Concat(Enumerable.Repeat("{% if true %}", nesting))
            + "{{ x" + string.Concat(Enumerable.Repeat(" | upcase", filters)) + " }}"
            + string.Concat(Enumerable.Repeat("{% endif %}", nesting));

        var result = await TemplateService.CreateDefault().RenderAsync(template, new TemplateModel().Set("x", "ok"), ct: TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal("OK", result.Output);
    }

    [Fact]
    public async Task RenderAsync_PipesAndTagsInsideQuotesRawAndComments_AreNotCounted()
    {
        var pipes = new string('|', 200);
        var ifs = string.Concat(Enumerable.Repeat("{% if x %}", 100));
        var template = $"{{{{ \"{pipes}\" | size }}}}{{% assign s = '{ifs}' %}}{{{{ s | size }}}}{{% raw %}}{ifs}{{% endraw %}}{{% comment %}}{ifs}{{% endcomment %}}{{% # it's {pipes} %}}";

        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, ct: TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal($"200{ifs.Length}{ifs}", result.Output);
    }

    [Fact]
    public async Task RenderAsync_ConcatDoublingInLoop_StopsWithLimitErrorWithoutHugeAllocation()
    {
        const string template = "{% assign a = \"a,b\" | split: \",\" %}{% for i in (1..26) %}{% assign a = a | concat: a %}{% endfor %}{{ a | size }}";
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, ct: TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Contains("concat: the list would have more than 100000 items", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000_000, "the render allocated more than 100 MB");
    }

    [Fact]
    public async Task RenderAsync_SplitIntoMoreItemsThanRangeLimit_StopsWithLimitError()
    {
        var model = new TemplateModel().Set("csv", string.Concat(Enumerable.Repeat("a,", 10_001)));

        var result = await TemplateService.CreateDefault().RenderAsync("{{ csv | split: ',' | size }}", model, new TemplateRenderOptions { Limits = Tight }, TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Contains("split", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_LoopOfHeavyFiltersWithoutOutput_StopsAtTimeBudget()
    {
        // Each iteration copies 100,000 items but writes nothing and assigns no string.
        const string template = "{% assign a = (1..50000) %}{% for i in (1..100000) %}{% assign b = a | concat: a %}{% endfor %}done";
        var limits = TemplateLimits.Default with { MaxSteps = 10_000_000, Timeout = TimeSpan.FromMilliseconds(200) };

        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, new TemplateRenderOptions { Limits = limits }, TestContext.Current.CancellationToken);

        Assert.Equal(TemplateErrorKind.Timeout, Assert.Single(result.Errors).Kind);
    }

    [Theory]
    [InlineData("{% include 'loop' %}", "{% include 'loop' %}")]
    [InlineData("{% render 'loop' %}", "{% render 'loop' %}")]
    [InlineData("{% content_block 'loop' %}", "x{% content_block 'loop' %}")]
    public async Task RenderAsync_RecursivePartial_StopsAtPartialDepth(string template, string partial)
    {
        var blocks = new InMemoryContentBlockSource();
        blocks.Set("ws", "loop", partial);
        var service = TemplateService.CreateDefault(blocks: blocks);

        var result = await service.RenderAsync(template, TemplateModel.Empty, new TemplateRenderOptions { WorkspaceId = "ws", Limits = Tight }, TestContext.Current.CancellationToken);

        Assert.Equal(TemplateErrorKind.Limit, Assert.Single(result.Errors).Kind);
        Assert.Contains("nested deeper than 5", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("http://localhost:9/")]
    [InlineData("http://10.1.2.3/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:9/")]
    [InlineData("http://192.168.0.1/")]
    public async Task RenderAsync_ConnectedContentToPrivateAddress_IsRefused(string url)
    {
        var service = ServiceWithFetcher(allowPrivate: false);

        var result = await service.RenderAsync($"{{% connected_content {url} :save data %}}{{{{ data }}}}", TemplateModel.Empty, ct: TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.ConnectedContent, error.Kind);
        Assert.Contains("private or loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_SlowConnectedContentServer_StopsAtTimeBudgetAndServiceStaysHealthy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = new List<Socket>();
        var acceptLoop = Task.Run(async () =>
        {
            // Accept and never answer: the server is "slow" for as long as the test runs.
            while (true)
            {
                accepted.Add(await listener.AcceptSocketAsync(TestContext.Current.CancellationToken));
            }
        }, TestContext.Current.CancellationToken);
        var service = ServiceWithFetcher(allowPrivate: true);
        var limits = Tight with { Timeout = TimeSpan.FromMilliseconds(300) };

        var result = await service.RenderAsync(
            $"{{% connected_content http://127.0.0.1:{port}/slow :save data %}}{{{{ data.name }}}}",
            TemplateModel.Empty,
            new TemplateRenderOptions { Limits = limits },
            TestContext.Current.CancellationToken);
        var healthy = await service.RenderAsync("Hello {{ name }}", new TemplateModel().Set("name", "Ada"), ct: TestContext.Current.CancellationToken);

        Assert.Equal(TemplateErrorKind.Timeout, Assert.Single(result.Errors).Kind);
        Assert.Equal("Hello Ada", healthy.Output);
        listener.Stop();
        accepted.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task RenderAsync_MoreConnectedContentCallsThanAllowed_StopsWithLimitError()
    {
        var fetcher = new StubFetcher("{\"name\":\"Ada\"}");
        var service = new TemplateService(Options.Create(new TemplateOptions()), TimeProvider.System, EmptyContentBlockSource.Instance, fetcher, []);
        const string template = "{% for i in (1..3) %}{% connected_content https://api.example.com/{{ i }} :save d %}{{ d.name }}{% endfor %}";

        var result = await service.RenderAsync(template, TemplateModel.Empty, new TemplateRenderOptions { Limits = Tight with { MaxConnectedContentCalls = 2 } }, TestContext.Current.CancellationToken);

        Assert.Equal(TemplateErrorKind.Limit, Assert.Single(result.Errors).Kind);
        Assert.Equal(2, fetcher.Calls);
    }

    [Theory]
    [InlineData("{% connected_content https://x.example/{{ x")]
    [InlineData("{% connected_content \"https://x.example/{{ x")]
    [InlineData("{% liquid\nconnected_content https://x.example/?q=it's{{ x")]
    public async Task RenderAsync_ConnectedContentUrlWithTwentyThousandFilters_ReturnsLimitErrorInsteadOfCrashing(string opening)
    {
        var fetcher = new StubFetcher("{}");
        var service = new TemplateService(Options.Create(new TemplateOptions()), TimeProvider.System, EmptyContentBlockSource.Instance, fetcher, []);
        var template = opening + string.Concat(Enumerable.Repeat("|h", 20_000)) + " }} %}";

        var validation = service.Validate(template);
        var result = await service.RenderAsync(template, new TemplateModel().Set("x", "a"), ct: TestContext.Current.CancellationToken);

        var error = Assert.Single(validation.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Contains("More than 100 filters", error.Message, StringComparison.Ordinal);
        Assert.Equal(TemplateErrorKind.Limit, Assert.Single(result.Errors).Kind);
        Assert.Equal(0, fetcher.Calls);
    }

    [Fact]
    public void Validate_ConnectedContentUrlWithHundredThousandNestedBrackets_ReturnsLimitErrorInsteadOfCrashing()
    {
        var template = "{% connected_content https://x.example/{{ " + string.Concat(Enumerable.Repeat("a[", 100_000)) + "0" + new string(']', 100_000) + " }} %}";

        var result = TemplateService.CreateDefault().Validate(template);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Contains("Brackets are nested more than 32 levels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% connected_content https://x.example/{{ (1..3000000) | size }} %}", "(1..3000000)")]
    [InlineData("{% connected_content https://x.example/{{ (1..2000000000) | size }} %}", "(1..2000000000)")]
    [InlineData("{% abort_message (1..3000000) | size %}", "(1..3000000)")]
    [InlineData("{% content_block (1..3000000) | size %}", "(1..3000000)")]
    public async Task RenderAsync_HugeRangeInsideTagArgument_StopsAtRangeLimit(string template, string range)
    {
        var fetcher = new StubFetcher("{}");
        var service = new TemplateService(Options.Create(new TemplateOptions()), TimeProvider.System, EmptyContentBlockSource.Instance, fetcher, []);

        var result = await service.RenderAsync(template, TemplateModel.Empty, ct: TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Equal($"The range {range} has more than 100000 items.", error.Message);
        Assert.Equal(0, fetcher.Calls);
    }

    [Fact]
    public async Task RenderAsync_StrictModeWithUnknownFilterInConnectedContentUrl_ReturnsError()
    {
        var fetcher = new StubFetcher("{}");
        var service = new TemplateService(Options.Create(new TemplateOptions()), TimeProvider.System, EmptyContentBlockSource.Instance, fetcher, []);

        var result = await service.RenderAsync(
            "{% connected_content https://x.example/{{ 1 | no_such_filter }} %}",
            TemplateModel.Empty,
            new TemplateRenderOptions { Mode = TemplateMode.Strict },
            TestContext.Current.CancellationToken);

        Assert.Contains("no_such_filter", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(0, fetcher.Calls);
    }

    [Theory]
    [InlineData("{% connected_content https://api.example.com/customers/{{ customer.id }}?f={{ 'a|b' | upcase }} :save c %}{{ c.name }}")]
    [InlineData("{% liquid\nconnected_content \"https://api.example.com/customers/{{ customer.id }}?f={{ 'a|b' | upcase }}\" :save c\necho c.name\n%}")]
    public async Task RenderAsync_ConnectedContentUrlWithCustomerId_FetchesRenderedUrl(string template)
    {
        var fetcher = new StubFetcher("{\"name\":\"Ada\"}");
        var service = new TemplateService(Options.Create(new TemplateOptions()), TimeProvider.System, EmptyContentBlockSource.Instance, fetcher, []);
        var model = new TemplateModel().Set("customer", new Dictionary<string, object?> { ["id"] = "c-42" });

        var validation = service.Validate(template);
        var result = await service.RenderAsync(template, model, new TemplateRenderOptions { Mode = TemplateMode.Strict }, TestContext.Current.CancellationToken);

        Assert.Empty(validation.Errors);
        Assert.Empty(result.Errors);
        Assert.Equal("Ada", result.Output);
        Assert.Equal("https://api.example.com/customers/c-42?f=A|B", fetcher.LastUrl?.OriginalString);
    }

    private static TemplateService ServiceWithFetcher(bool allowPrivate)
    {
        var options = Options.Create(new TemplateOptions { ConnectedContentAllowPrivateNetworks = allowPrivate, ConnectedContentCacheDuration = TimeSpan.Zero });
        var fetcher = new HttpConnectedContentFetcher(new HandlerFactory(allowPrivate), options, TimeProvider.System, NullLogger<HttpConnectedContentFetcher>.Instance);
        return new TemplateService(options, TimeProvider.System, EmptyContentBlockSource.Instance, fetcher, []);
    }

    private sealed class HandlerFactory(bool allowPrivate) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(HttpConnectedContentFetcher.CreateHandler(allowPrivate));
    }

    private sealed class StubFetcher(string body) : IConnectedContentFetcher
    {
        public int Calls { get; private set; }

        public Uri? LastUrl { get; private set; }

        public ValueTask<string> FetchAsync(Uri url, CancellationToken ct)
        {
            Calls++;
            LastUrl = url;
            return ValueTask.FromResult(body);
        }
    }
}
