using System.Text.Json;

namespace Kizuna.Templates;

public sealed class LoopAndSizeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RenderAsync_SizeProperty_CountsCharactersLikeTheSizeFilter()
    {
        var properties = JsonDocument.Parse("""{"gift":"🎁ab","items":[1,2]}""").RootElement;
        var model = new TemplateModel().Event(new Dictionary<string, object?> { ["properties"] = properties });
        const string template = "{% assign p = event.properties %}{{ p.gift.size }}|{{ p.gift | size }}|{% if p.gift.size == 3 %}3{% endif %}|{{ p.items.size }}|{{ p.none.size }}";

        var result = await TemplateService.CreateDefault().RenderAsync(template, model, ct: Ct);

        Assert.Equal("3|3|3|2|", result.Output);
    }

    [Fact]
    public async Task RenderAsync_NestedLoops_ForloopParentloopReadsEachEnclosingLoop()
    {
        const string template = "{% for i in (1..2) %}{% for j in (1..2) %}{% for k in (1..2) %}{{ forloop.parentloop.parentloop.index }}{{ forloop.parentloop.index }}{{ forloop.index }} {% endfor %}{% endfor %}[{{ forloop.parentloop.index }}]{% endfor %}";

        var result = await TemplateService.CreateDefault().RenderAsync(template, TemplateModel.Empty, ct: Ct);

        Assert.Equal("111 112 121 122 []211 212 221 222 []", result.Output);
    }

    [Fact]
    public async Task RenderAsync_LoopWithOffset_ForloopCountsTheItemsShown()
    {
        const string template = "{% for tag in tags limit: 2 offset: 1 %}{{ tag }}:{{ forloop.index }}/{{ forloop.length }} {{ forloop.first }} {{ forloop.last }}, {% endfor %}";
        var model = new TemplateModel().Set("tags", new[] { "a", "b", "c", "d" });

        var result = await TemplateService.CreateDefault().RenderAsync(template, model, ct: Ct);

        Assert.Equal("b:1/2 true false, c:2/2 false true, ", result.Output);
    }

    [Fact]
    public async Task RenderAsync_LoopName_IsVariableAndCollectionAsWritten()
    {
        const string template = "{% for p in customer.tags %}{{ forloop.name }}{% endfor %} {% for i in (1..1) %}{{ forloop.name }}{% endfor %}";
        var model = new TemplateModel().Customer(new Dictionary<string, object?> { ["tags"] = new[] { "vip" } });

        var result = await TemplateService.CreateDefault().RenderAsync(template, model, ct: Ct);

        Assert.Equal("p-customer.tags i-(1..1)", result.Output);
    }
}
