using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Templates.ContentBlocks;

namespace Kizuna.Templates;

public sealed class TemplateServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Validate_UnclosedTag_ReportsLineAndColumn()
    {
        var result = TemplateService.CreateDefault().Validate("Hello\n{% if customer.vip %}VIP");

        var error = Assert.Single(result.Errors);
        Assert.Equal(TemplateErrorKind.Syntax, error.Kind);
        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Equal("'{% if %}' is not closed: '{% endif %}' was expected before the end of the template.", error.Message);
    }

    [Fact]
    public async Task RenderAsync_BadFilterArgument_ReturnsLocatedErrorInsteadOfThrowing()
    {
        var result = await TemplateService.CreateDefault().RenderAsync("Hi\n  {{ 5 | divided_by: 0 }}", TemplateModel.Empty, ct: Ct);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Contains("division by zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_StrictMode_RejectsUnknownVariablesAndFilters()
    {
        var service = TemplateService.CreateDefault();
        var strict = new TemplateRenderOptions { Mode = TemplateMode.Strict };

        var variable = await service.RenderAsync("{{ nickname }}", TemplateModel.Empty, strict, Ct);
        var filter = await service.RenderAsync("{{ 'a' | shout }}", TemplateModel.Empty, strict, Ct);
        var lax = await service.RenderAsync("[{{ nickname }}{{ 'a' | shout }}]", TemplateModel.Empty, ct: Ct);

        Assert.Equal(TemplateErrorKind.UndefinedVariable, Assert.Single(variable.Errors).Kind);
        Assert.Equal(TemplateErrorKind.UndefinedFilter, Assert.Single(filter.Errors).Kind);
        Assert.Equal("[a]", lax.Output);
    }

    [Fact]
    public async Task RenderAsync_AbortMessage_ReportsReasonAndNoOutput()
    {
        const string template = "{% if recommendations.size == 0 %}{% abort_message 'no recommendations' %}{% endif %}Hi";

        var result = await TemplateService.CreateDefault().RenderAsync(template, new TemplateModel().Recommendations(Array.Empty<object>()), ct: Ct);

        Assert.True(result.Aborted);
        Assert.Equal("no recommendations", result.AbortReason);
        Assert.Null(result.Output);
    }

    [Fact]
    public async Task RenderAsync_OneModelRenderedAgainAfterARootIsAdded_SeesEveryRootAndChangesNothing()
    {
        var service = TemplateService.CreateDefault();
        using var data = JsonDocument.Parse("""{"items":[{"name":"tea"},{"name":"rice"}]}""");
        var model = new TemplateModel().Set("data", data.RootElement);
        const string template = "{% assign sorted = data.items | sort: 'name' %}{{ sorted | map: 'name' | join: ',' }}/{{ data.items | map: 'name' | join: ',' }}";

        var first = await service.RenderAsync(template, model, ct: Ct);
        model.Set("extra", "more");
        var second = await service.RenderAsync(template + "/{{ extra }}", model, ct: Ct);

        Assert.Equal("rice,tea/tea,rice", first.Output);
        Assert.Equal("rice,tea/tea,rice/more", second.Output);
    }

    [Fact]
    public async Task RenderAsync_ModelFromTraitsAndEventProperties_ReadsNamesMarketersUse()
    {
        var traits = JsonNode.Parse("""{"plan":"gold","points":1200}""");
        var properties = JsonDocument.Parse("""{"items":[{"name":"Tea"},{"name":"Cup"}]}""").RootElement;
        var model = new TemplateModel()
            .Customer(new Dictionary<string, object?> { ["first_name"] = "Ada", ["traits"] = traits })
            .Event(new Dictionary<string, object?> { ["properties"] = properties });

        var result = await TemplateService.CreateDefault().RenderAsync(
            "{{ customer.first_name }} {{ customer.traits.plan }} {{ customer.traits.points | plus: 1 }} {{ event.properties.items | map: 'name' | join: ', ' }}",
            model,
            ct: Ct);

        Assert.Equal("Ada gold 1201 Tea, Cup", result.Output);
    }

    [Fact]
    public async Task RenderAsync_NumberBeyondDecimalRange_RendersAsWritten()
    {
        var properties = JsonDocument.Parse("""{"big":1e30,"small":2.5}""").RootElement;
        var model = new TemplateModel().Event(new Dictionary<string, object?> { ["properties"] = properties });

        var result = await TemplateService.CreateDefault().RenderAsync("{{ event.properties.big }} {{ event.properties.small | plus: 1 }}", model, ct: Ct);

        Assert.Empty(result.Errors);
        Assert.Equal("1e30 3.5", result.Output);
    }

    [Fact]
    public async Task RenderAsync_ClrObjectNotRegistered_IsNotReadable()
    {
        var model = new TemplateModel().Set("secret", new Secret("s3cr3t"));

        var result = await TemplateService.CreateDefault().RenderAsync("[{{ secret.Value }}]", model, ct: Ct);

        Assert.Equal("[]", result.Output);
    }

    [Fact]
    public async Task RenderAsync_ContentBlockNewVersion_RendersNewBody()
    {
        var blocks = new InMemoryContentBlockSource();
        var service = TemplateService.CreateDefault(blocks: blocks);
        var options = new TemplateRenderOptions { WorkspaceId = "ws-1" };
        var template = new TemplateSource("newsletter", 1, "Hi {{ name }}. {% content_block 'footer' %}");
        var model = new TemplateModel().Set("name", "Ada");

        blocks.Set("ws-1", "footer", "Bye {{ name }}.");
        var first = await service.RenderAsync(template, model, options, Ct);
        blocks.Set("ws-1", "footer", "See you, {{ name }}!");
        var second = await service.RenderAsync(template, model, options, Ct);
        var otherWorkspace = await service.RenderAsync(template, model, new TemplateRenderOptions { WorkspaceId = "ws-2" }, Ct);

        Assert.Equal("Hi Ada. Bye Ada.", first.Output);
        Assert.Equal("Hi Ada. See you, Ada!", second.Output);
        Assert.Equal(TemplateErrorKind.Render, Assert.Single(otherWorkspace.Errors).Kind);
    }

    [Fact]
    public async Task RenderAsync_ManyThreadsOneTemplate_EachGetsItsOwnOutput()
    {
        var service = TemplateService.CreateDefault();
        var template = new TemplateSource("greeting", 3, "{% for i in (1..3) %}{{ name | upcase }}{% endfor %}");

        var outputs = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(
            async () => (i, (await service.RenderAsync(template, new TemplateModel().Set("name", $"n{i}"), ct: Ct)).Output), Ct)));

        Assert.All(outputs, o => Assert.Equal(string.Concat(Enumerable.Repeat($"N{o.i}", 3)), o.Output));
    }

    [Fact]
    public async Task RenderAsync_MessageLinks_UsePlaceholdersInPreviewAndGivenLinksOtherwise()
    {
        var service = TemplateService.CreateDefault();
        const string template = "{% unsubscribe_url %}|{% preferences_url %}|{% web_view_url %}";

        var preview = await service.RenderAsync(template, TemplateModel.Empty, ct: Ct);
        var send = await service.RenderAsync(template, TemplateModel.Empty, new TemplateRenderOptions { Links = new("https://u", "https://p", "https://w") }, Ct);

        Assert.Equal("#preview-unsubscribe|#preview-preferences|#preview-web-view", preview.Output);
        Assert.Equal("https://u|https://p|https://w", send.Output);
    }

    private sealed record Secret(string Value);
}
