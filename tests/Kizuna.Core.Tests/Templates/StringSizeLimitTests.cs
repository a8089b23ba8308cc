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
    public async Task RenderAsync_FilterWouldBuildStringPastLimit_ReturnsLimitErrorWithoutHugeAllocation(string template, string filter)
    {
        var model = new TemplateModel().Set("s", new string('a', 600_000)).Set("quotes", new string('"', 400_000));
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
    public async Task RenderAsync_OrdinaryStringFilters_RenderAsShopifyDoes(string template, string expected)
    {
        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, ct: TestContext.Current.CancellationToken);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Output);
    }
}
