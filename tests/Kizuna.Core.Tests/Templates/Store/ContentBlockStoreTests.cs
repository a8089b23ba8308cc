using Kizuna.Storage;
using Kizuna.Workspaces;

namespace Kizuna.Templates.Store;

public sealed class ContentBlockStoreTests
{
    private const string Author = "user:1";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RenderAsync_BlockSavedAgain_RendersTheNewVersion(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (workspace, library) = await ArrangeAsync(store);
        var footer = (await library.CreateAsync(workspace, TemplateKind.ContentBlock, "footer", new TemplateDraft("-- {{ shop }} v1"), Author, Ct)).Template!;
        var mail = (await library.CreateAsync(workspace, TemplateKind.Template, "mail", new TemplateDraft("こんにちは\n{% content_block \"footer\" %}"), Author, Ct)).Template!;
        var model = TemplateModel.Empty.Set("shop", "絆ストア");

        var before = await library.RenderAsync(workspace, mail.Id, null, model, null, Ct);
        await library.SaveVersionAsync(workspace, footer.Id, new TemplateDraft("-- {{ shop }} v2"), null, Author, Ct);
        var after = await library.RenderAsync(workspace, mail.Id, null, model, null, Ct);

        Assert.Equal("こんにちは\n-- 絆ストア v1", before!.Body.Output);
        Assert.Equal("こんにちは\n-- 絆ストア v2", after!.Body.Output);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RenderAsync_OldVersionOfTemplate_RendersThatVersionsBody(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (workspace, library) = await ArrangeAsync(store);
        var mail = (await library.CreateAsync(workspace, TemplateKind.Template, "mail", new TemplateDraft("old {{ n }}", "件名 {{ n }}"), Author, Ct)).Template!;
        await library.SaveVersionAsync(workspace, mail.Id, new TemplateDraft("new {{ n }}", "件名 {{ n }}!"), null, Author, Ct);
        var model = TemplateModel.Empty.Set("n", 3);

        var first = await library.RenderAsync(workspace, mail.Id, 1, model, null, Ct);
        var current = await library.RenderAsync(workspace, mail.Id, null, model, null, Ct);

        Assert.Equal(("old 3", "件名 3"), (first!.Body.Output, first.Subject!.Output));
        Assert.Equal(("new 3", "件名 3!"), (current!.Body.Output, current.Subject!.Output));
        Assert.Null(await library.RenderAsync(workspace, mail.Id, 9, model, null, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RenderAsync_MissingBlock_ErrorNamesTheBlock(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (workspace, library) = await ArrangeAsync(store);
        var (other, otherLibrary) = await ArrangeAsync(store);
        // A block of the same name in another workspace must not be found.
        await otherLibrary.CreateAsync(other, TemplateKind.ContentBlock, "signature", new TemplateDraft("elsewhere"), Author, Ct);
        var mail = (await library.CreateAsync(workspace, TemplateKind.Template, "mail", new TemplateDraft("Hi\n{% content_block \"signature\" %}"), Author, Ct)).Template!;

        var result = await library.RenderAsync(workspace, mail.Id, null, TemplateModel.Empty, null, Ct);

        var error = Assert.Single(result!.Body.Errors);
        Assert.Contains("'signature'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Null(result.Body.Output);
    }

    private static async Task<(long Workspace, TemplateLibrary Library)> ArrangeAsync(TestStore store)
    {
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var templates = new TemplateStore(store.Database, TimeProvider.System);
        return (workspace.Id, new TemplateLibrary(templates, TemplateService.CreateDefault(blocks: templates)));
    }
}
