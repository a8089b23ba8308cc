using System.Text.Json;
using Kizuna.Templates.Engine;

namespace Kizuna.Templates;

/// <summary>Filters that build strings stop at the variable-size limit before they build, not after.</summary>
public sealed class StringSizeLimitTests
{
    private static readonly TemplateLimits Tight = TemplateLimits.Default with { MaxOutputChars = 10_000 };

    [Theory]
    [InlineData("{{ s | replace: 'a', s }}", "replace")]
    [InlineData("{{ s | replace: '', s }}", "replace")]
    [InlineData("{{ s | replace_first: 'a', s | replace_last: 'a', s }}", "replace_first")]
    [InlineData("{{ s | append: s }}", "append")]
    [InlineData("{{ s | prepend: s }}", "prepend")]
    [InlineData("{% assign a = s | split: ',' %}{% for i in (1..16) %}{% assign a = a | concat: a %}{% endfor %}{{ a | join: '' }}", "join")]
    [InlineData("{% assign a = s | split: ',' %}{% for i in (1..16) %}{% assign a = a | concat: a %}{% endfor %}{{ a | upcase }}", "upcase")]
    [InlineData("{% assign a = s | split: ',' %}{% for i in (1..16) %}{% assign a = a | concat: a %}{% endfor %}{{ 'x' | append: a }}", "append")]
    [InlineData("{{ quotes | escape }}", "escape")]
    [InlineData("{{ quotes | url_encode }}", "url_encode")]
    [InlineData("{{ 'now' | date: '%999999999n' }}", "date")]
    [InlineData("{% assign a = s | split: ',' %}{% for i in (1..16) %}{% assign a = a | concat: a %}{% endfor %}{{ a | json }}", "json")]
    [InlineData("{{ quotes | json }}", "json")]
    [InlineData("{% assign a = s | split: ',' %}{% for i in (1..16) %}{% assign a = a | concat: a %}{% endfor %}{{ a | md5 }}", "md5")]
    [InlineData("{% assign a = s | split: ',' %}{% for i in (1..16) %}{% assign a = a | concat: a %}{% endfor %}{{ 'key' | hmac_sha256: a }}", "hmac_sha256")]
    [InlineData("{% assign a = s | split: ',' %}{% for i in (1..16) %}{% assign a = a | concat: a %}{% endfor %}{{ a | raw }}", "raw")]
    [InlineData("{{ camel | handleize }}", "handleize")]
    public async Task RenderAsync_FilterWouldBuildStringPastLimit_ReturnsLimitErrorWithoutHugeAllocation(string template, string filter)
    {
        var model = new TemplateModel()
            .Set("s", new string('a', 600_000))
            .Set("quotes", new string('"', 400_000))
            .Set("camel", string.Concat(Enumerable.Repeat("aB", 400_000)));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = await TemplateService.CreateDefault().RenderAsync(template, model, ct: TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Limit, error.Kind);
        Assert.Contains($"{filter}: the text would be longer than 1000000 characters", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000_000, "the render allocated more than 100 MB");
    }

    [Theory]
    [InlineData("{{ s | append: s }}", 5_000, 10_000)]
    [InlineData("{{ s | replace: 'a', 'bb' }}", 5_000, 10_000)]
    [InlineData("{{ s | split: '' | join: 'a' }}", 5_000, 9_999)]
    [InlineData("{{ s | truncate: 20000, s }}", 10_000, 10_000)]
    public async Task RenderAsync_FilterResultExactlyAtLimit_Renders(string template, int inputLength, int outputLength)
    {
        var model = new TemplateModel().Set("s", new string('a', inputLength));

        var result = await TemplateService.CreateDefault().RenderAsync(template, model, new TemplateRenderOptions { Limits = Tight }, TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal(outputLength, result.Output!.Length);
    }

    [Fact]
    public async Task RenderAsync_AppendOneCharacterPastLimit_ReturnsLimitError()
    {
        var model = new TemplateModel().Set("s", new string('a', 5_000));

        var result = await TemplateService.CreateDefault().RenderAsync("{{ s | append: s | append: '!' | size }}", model, new TemplateRenderOptions { Limits = Tight }, TestContext.Current.CancellationToken);

        Assert.Equal(TemplateErrorKind.Limit, Assert.Single(result.Errors).Kind);
    }

    [Theory]
    [InlineData("{{ 'a-b-a' | replace: 'a', 'xyz' }}", "xyz-b-xyz")]
    [InlineData("{{ 'ab' | replace: '', '-' }}", "-a-b-")]
    [InlineData("{{ 'a-b-a' | replace_first: 'a', 'xyz' }}|{{ 'a-b-a' | replace_last: 'a', 'xyz' }}", "xyz-b-a|a-b-xyz")]
    [InlineData("{{ 'a,b,c' | split: ',' | join: ' + ' }}|{{ 'a,b' | split: ',' | join }}", "a + b + c|a b")]
    [InlineData("{{ 'メール' | append: '配信' | prepend: 'HTML' }}", "HTMLメール配信")]
    [InlineData("{{ 'Ground control to Major Tom.' | truncate: 20, '…' }}|{{ 'one two three' | truncatewords: 2, '--' }}", "Ground control to M…|one two--")]
    [InlineData("{{ 'a b&c' | url_encode }}|{{ '<p>\"é\"</p>' | escape }}", "a+b%26c|&lt;p&gt;&quot;&#233;&quot;&lt;/p&gt;")]
    [InlineData("{{ 0 | date: '%Y-%m-%d' }}", "1970-01-01")]
    [InlineData("{{ 'a,b' | split: ',' | json }}|{{ 'é\"' | json }}", "[\"a\",\"b\"]|\"\\u00E9\\u0022\"")]
    [InlineData("{{ 'Hello World!' | handleize }}|{{ 'FooBar' | handle }}", "hello-world|foo-bar")]
    [InlineData("{{ 'abc' | md5 }}|{{ 'abc' | sha256 | size }}|{{ 'abc' | hmac_sha256: 'key' | size }}", "900150983cd24fb0d6963f7d28e17f72|64|64")]
    public async Task RenderAsync_OrdinaryStringFilters_RenderAsShopifyDoes(string template, string expected)
    {
        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, ct: TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Output);
    }

    [Theory]
    [InlineData("{{ 1 | format_number: 'F999999999' }}", "format_number")]
    [InlineData("{{ '{0,999999999}' | format_string: 1 }}", "format_string")]
    [InlineData("{{ 'now' | format_date: 'yyyy' }}", "format_date")]
    public async Task RenderAsync_FluidFormatFilter_IsUnknown(string template, string filter)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, new TemplateRenderOptions { Mode = TemplateMode.Strict }, TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.UndefinedFilter, error.Kind);
        Assert.Contains($"Unknown filter '{filter}'", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000_000, "the render allocated more than 100 MB");
    }

    [Fact]
    public void FluidEnvironment_EveryRegisteredFilter_RunsThroughKizuna()
    {
        var environment = new FluidEnvironment(new TemplateOptions(), []);

        // A filter Fluid registers and Kizuna neither replaces nor guards would be unchecked by the sandbox.
        var unguarded = environment.Options.Filters
            .Where(f => f.Value.Method.DeclaringType?.Namespace?.StartsWith("Fluid", StringComparison.Ordinal) == true)
            .Select(f => f.Key);

        Assert.Empty(unguarded);
    }

    [Fact]
    public async Task RenderAsync_JsonExactlyAtLimit_RendersAndOneCharacterLessIsLimitError()
    {
        var data = JsonDocument.Parse("""
            {"v": {"name": "山田 \"花子\" <b>&'+`", "tags": ["a\\b", "c\nd\te", "😀"], "total": -12.50, "ok": true, "none": null, "nested": {"empty": [], "hash": {}}}}
            """).RootElement;
        var json = (await TemplateService.CreateDefault().RenderAsync("{{ v | json }}", TemplateModel.FromJson(data), ct: TestContext.Current.CancellationToken)).Output!;
        var limits = TemplateLimits.Default with { MaxOutputChars = json.Length };

        var atLimit = await TemplateService.CreateDefault().RenderAsync("{{ v | json }}", TemplateModel.FromJson(data), new TemplateRenderOptions { Limits = limits }, TestContext.Current.CancellationToken);
        var pastLimit = await TemplateService.CreateDefault().RenderAsync("{{ v | json }}", TemplateModel.FromJson(data), new TemplateRenderOptions { Limits = limits with { MaxOutputChars = json.Length - 1 } }, TestContext.Current.CancellationToken);

        Assert.Empty(atLimit.Errors);
        Assert.Equal(json, atLimit.Output);
        Assert.Contains("json: the text would be longer than", Assert.Single(pastLimit.Errors).Message, StringComparison.Ordinal);
    }
}
