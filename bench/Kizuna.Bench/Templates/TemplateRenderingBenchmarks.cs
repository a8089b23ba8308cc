using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Fluid;
using Kizuna.Templates;
using Kizuna.Templates.ContentBlocks;
using KizunaTemplateOptions = Kizuna.Templates.TemplateOptions;

namespace Kizuna.Bench.Templates;

/// <summary>
/// W2: the same templates and data rendered by Kizuna's template service, bare Fluid (the baseline) and DotLiquid.
/// Kizuna renders its footer through a content block; the others get the footer text inline. Every engine is given
/// the raw data on each render and converts it to its own values there (Fluid's context, Kizuna's model binding,
/// DotLiquid's Hash), as a send to many recipients does.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TemplateRenderingBenchmarks
{
    private readonly FluidParser _fluidParser = new(new FluidParserOptions { AllowTrailingQuestionMark = true, AllowLiquidTag = true });
    private readonly Fluid.TemplateOptions _fluidOptions = new() { ModelNamesComparer = StringComparer.Ordinal };
    private TemplateService _service = null!;
    private TemplateModel _model = null!;
    private TemplateRenderOptions _renderOptions = null!;
    private Dictionary<string, object?> _customer = null!;
    private Dictionary<string, object?> _campaign = null!;
    private List<Dictionary<string, object?>> _recommendations = null!;
    private List<Dictionary<string, object?>> _products = null!;
    private IFluidTemplate _fluidGreeting = null!, _fluidEmail = null!, _fluidList = null!;
    private DotLiquid.Template _dotGreeting = null!, _dotEmail = null!, _dotList = null!;

    [GlobalSetup]
    public void Setup()
    {
        _customer = TemplateWorkloads.Customer();
        _campaign = TemplateWorkloads.Campaign();
        _recommendations = TemplateWorkloads.Products(10);
        _products = TemplateWorkloads.Products(100);

        var blocks = new InMemoryContentBlockSource();
        blocks.Set("bench", "footer", TemplateWorkloads.Footer);
        _service = new TemplateService(
            Microsoft.Extensions.Options.Options.Create(new KizunaTemplateOptions()),
            TimeProvider.System,
            blocks,
            Kizuna.Templates.ConnectedContent.DisabledConnectedContentFetcher.Instance,
            []);
        _model = new TemplateModel().Customer(_customer).Campaign(_campaign).Recommendations(_recommendations).Products(_products);
        _renderOptions = new TemplateRenderOptions { WorkspaceId = "bench" };

        _fluidGreeting = _fluidParser.Parse(TemplateWorkloads.Greeting);
        _fluidEmail = _fluidParser.Parse(TemplateWorkloads.MarketingBody + TemplateWorkloads.Footer);
        _fluidList = _fluidParser.Parse(TemplateWorkloads.ProductList);

        _dotGreeting = DotLiquid.Template.Parse(TemplateWorkloads.Greeting);
        _dotEmail = DotLiquid.Template.Parse(TemplateWorkloads.MarketingBody + TemplateWorkloads.Footer);
        _dotList = DotLiquid.Template.Parse(TemplateWorkloads.ProductList);
    }

    private static readonly TemplateSource KizunaGreeting = new("bench-greeting", 1, TemplateWorkloads.Greeting);
    private static readonly TemplateSource KizunaEmail = new("bench-email", 1, TemplateWorkloads.MarketingBody + "{% content_block 'footer' %}");
    private static readonly TemplateSource KizunaList = new("bench-list", 1, TemplateWorkloads.ProductList);

    [BenchmarkCategory("greeting"), Benchmark(Baseline = true)]
    public ValueTask<string> Fluid_Greeting() => _fluidGreeting.RenderAsync(FluidContext());

    [BenchmarkCategory("greeting"), Benchmark]
    public async ValueTask<string?> Kizuna_Greeting() => (await _service.RenderAsync(KizunaGreeting, _model, _renderOptions)).Output;

    [BenchmarkCategory("greeting"), Benchmark]
    public string DotLiquid_Greeting() => _dotGreeting.Render(DotLiquidContext(), System.Globalization.CultureInfo.InvariantCulture);

    [BenchmarkCategory("marketing-email"), Benchmark(Baseline = true)]
    public ValueTask<string> Fluid_MarketingEmail() => _fluidEmail.RenderAsync(FluidContext());

    [BenchmarkCategory("marketing-email"), Benchmark]
    public async ValueTask<string?> Kizuna_MarketingEmail() => (await _service.RenderAsync(KizunaEmail, _model, _renderOptions)).Output;

    [BenchmarkCategory("marketing-email"), Benchmark]
    public string DotLiquid_MarketingEmail() => _dotEmail.Render(DotLiquidContext(), System.Globalization.CultureInfo.InvariantCulture);

    [BenchmarkCategory("product-list-100"), Benchmark(Baseline = true)]
    public ValueTask<string> Fluid_ProductList() => _fluidList.RenderAsync(FluidContext());

    [BenchmarkCategory("product-list-100"), Benchmark]
    public async ValueTask<string?> Kizuna_ProductList() => (await _service.RenderAsync(KizunaList, _model, _renderOptions)).Output;

    [BenchmarkCategory("product-list-100"), Benchmark]
    public string DotLiquid_ProductList() => _dotList.Render(DotLiquidContext(), System.Globalization.CultureInfo.InvariantCulture);

    private DotLiquid.Hash DotLiquidContext() => DotLiquidData.From(_customer, _campaign, _recommendations, _products);

    private TemplateContext FluidContext()
    {
        var context = new TemplateContext(_fluidOptions);
        context.SetValue("customer", _customer);
        context.SetValue("campaign", _campaign);
        context.SetValue("recommendations", _recommendations);
        context.SetValue("products", _products);
        return context;
    }
}
