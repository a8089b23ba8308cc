using Kizuna.Storage;
using Kizuna.Workspaces;

namespace Kizuna.Templates.Store;

public sealed class TemplateStoreTests
{
    private const string Author = "user:1";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveVersionAsync_TwoSaves_KeepsEveryVersionAndReadsTheNewest(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (workspace, templates, library) = await ArrangeAsync(store);
        var created = (await library.CreateAsync(workspace, TemplateKind.Template, "welcome", new TemplateDraft("v1 {{ customer.first_name }}", "ようこそ", "first"), Author, Ct)).Template!;

        var saved = await library.SaveVersionAsync(workspace, created.Id, new TemplateDraft("v2 {{ customer.first_name }}", "ようこそ!", "second"), 1, "key:7", Ct);

        Assert.Equal(TemplateSaveStatus.Saved, saved.Status);
        var current = (await templates.FindAsync(workspace, created.Id, null, Ct))!;
        Assert.Equal((2, 2, "v2 {{ customer.first_name }}", "ようこそ!", "key:7"), (current.Version, current.CurrentVersion, current.Body, current.Subject, current.CreatedBy));
        var first = (await templates.FindAsync(workspace, created.Id, 1, Ct))!;
        Assert.Equal((1, 2, "v1 {{ customer.first_name }}", Author), (first.Version, first.CurrentVersion, first.Body, first.CreatedBy));
        Assert.Null(await templates.FindAsync(workspace, created.Id, 3, Ct));
        Assert.Equal([(2, "second"), (1, "first")], (await templates.VersionsAsync(workspace, created.Id, Ct))!.Select(v => (v.Version, v.Description)));
        var listed = Assert.Single(await templates.ListAsync(workspace, null, Ct));
        Assert.Equal((created.Id, "welcome", 2, "key:7"), (listed.Id, listed.Name, listed.Version, listed.UpdatedBy));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_NameTaken_RefusedOnlyForTheSameWorkspaceAndKind(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (workspace, templates, library) = await ArrangeAsync(store);
        var other = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Other", Ct);
        await library.CreateAsync(workspace, TemplateKind.Template, "footer", new TemplateDraft("a"), Author, Ct);

        var again = await library.CreateAsync(workspace, TemplateKind.Template, "footer", new TemplateDraft("b"), Author, Ct);
        var asBlock = await library.CreateAsync(workspace, TemplateKind.ContentBlock, "footer", new TemplateDraft("c"), Author, Ct);
        var elsewhere = await library.CreateAsync(other.Id, TemplateKind.Template, "footer", new TemplateDraft("d"), Author, Ct);

        Assert.Equal(TemplateSaveStatus.NameTaken, again.Status);
        Assert.Equal(TemplateSaveStatus.Saved, asBlock.Status);
        Assert.Equal(TemplateSaveStatus.Saved, elsewhere.Status);
        Assert.Equal(["footer"], (await templates.ListAsync(workspace, TemplateKind.ContentBlock, Ct)).Select(t => t.Name));
        Assert.Equal(2, (await templates.ListAsync(workspace, null, Ct)).Count);
        Assert.Null(await templates.FindAsync(other.Id, asBlock.Template!.Id, null, Ct));
    }

    [Theory]
    [InlineData("Welcome", "name")]
    [InlineData("with space", "name")]
    [InlineData("", "name")]
    public async Task CreateAsync_InvalidName_RefusedNamingTheField(string name, string field)
    {
        await using var store = await TestStore.CreateAsync("sqlite", Ct);
        var (workspace, templates, library) = await ArrangeAsync(store);

        var result = await library.CreateAsync(workspace, TemplateKind.Template, name, new TemplateDraft("ok"), Author, Ct);

        Assert.Equal((TemplateSaveStatus.Invalid, field), (result.Status, result.Field));
        Assert.Empty(await templates.ListAsync(workspace, null, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CreateAsync_BodyDoesNotParse_RefusedWithLineAndColumn(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (workspace, templates, library) = await ArrangeAsync(store);

        var body = await library.CreateAsync(workspace, TemplateKind.Template, "broken", new TemplateDraft("Hello\n{% if customer %}open"), Author, Ct);
        var subject = await library.CreateAsync(workspace, TemplateKind.Template, "broken", new TemplateDraft("ok", "{{ customer.first_name "), Author, Ct);

        Assert.Equal((TemplateSaveStatus.Invalid, "body"), (body.Status, body.Field));
        Assert.Equal(TemplateErrorKind.Syntax, Assert.Single(body.Errors!).Kind);
        Assert.True(body.Errors![0].Line >= 2, body.Errors[0].ToString());
        Assert.Equal((TemplateSaveStatus.Invalid, "subject"), (subject.Status, subject.Field));
        Assert.Empty(await templates.ListAsync(workspace, null, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SaveVersionAsync_StaleOrUnknown_RefusedAndNothingWritten(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (workspace, templates, library) = await ArrangeAsync(store);
        var created = (await library.CreateAsync(workspace, TemplateKind.Template, "promo", new TemplateDraft("v1"), Author, Ct)).Template!;
        await library.SaveVersionAsync(workspace, created.Id, new TemplateDraft("v2"), 1, Author, Ct);

        var stale = await library.SaveVersionAsync(workspace, created.Id, new TemplateDraft("v3 from an old editor"), 1, Author, Ct);
        var unknown = await library.SaveVersionAsync(workspace, created.Id + 1000, new TemplateDraft("x"), null, Author, Ct);

        Assert.Equal(TemplateSaveStatus.VersionConflict, stale.Status);
        Assert.Equal(TemplateSaveStatus.NotFound, unknown.Status);
        Assert.Equal("v2", (await templates.FindAsync(workspace, created.Id, null, Ct))!.Body);
        Assert.Equal(2, (await templates.VersionsAsync(workspace, created.Id, Ct))!.Count);
    }

    private static async Task<(long Workspace, TemplateStore Templates, TemplateLibrary Library)> ArrangeAsync(TestStore store)
    {
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var templates = new TemplateStore(store.Database, TimeProvider.System);
        return (workspace.Id, templates, new TemplateLibrary(templates, TemplateService.CreateDefault(blocks: templates)));
    }
}
