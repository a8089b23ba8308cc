using System.Globalization;
using Dapper;
using Kizuna.Analytics.Baskets;
using Kizuna.Analytics.Scores;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Profiles;
using Kizuna.Storage;
using Kizuna.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Templates.Customers;

public sealed class ProfileTemplateDataSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GetModelAsync_JapaneseCustomerWithOrders_RendersTheirNameLatestOrderAndSpendInTheirZone(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (workspace, profileId) = await IngestHanakoAsync(store);
        var source = Source(store.Database);
        const string template = """
            {{ customer.name }}（{{ customer.first_name }}様）、ご注文 {{ order.id }} ありがとうございます。
            {% for line in order.lines %}{{ line.name }} ×{{ line.quantity }} {{ line.price | currency: "JPY", "ja-JP" }}
            {% endfor %}ご注文日時: {{ order.placed_at | date: "%Y年%m月%d日 %H:%M" }}
            累計 {{ customer.orders_count }}回 {{ customer.total_spent | currency: "JPY", "ja-JP" }}（平均 {{ customer.average_order_value | currency: "JPY" }}）
            会員: {{ customer.traits.plan }} / {{ customer.timezone }} / {{ customer.locale }} / {{ customer.email }}
            """;

        var model = await source.GetModelAsync(workspace.ToString(CultureInfo.InvariantCulture), profileId.ToString(CultureInfo.InvariantCulture), Ct);
        var result = await TemplateService.CreateDefault().RenderAsync(template, model!, ct: Ct);

        Assert.Empty(result.Errors);
        Assert.Equal(
            """
            山田 花子（花子様）、ご注文 o-2002 ありがとうございます。
            抹茶 30g ×2 ￥1,200
            南部鉄器 急須 ×1 ￥7,400
            ご注文日時: 2026年11月04日 10:00
            累計 2回 ￥12,800（平均 ￥6,400）
            会員: gold / Asia/Tokyo / ja-JP / hanako@example.jp
            """,
            result.Output);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GetModelAsync_ProfileOfAnotherWorkspaceOrUnknown_ReturnsNull(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (_, profileId) = await IngestHanakoAsync(store);
        var other = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Other", Ct);
        var source = Source(store.Database);

        Assert.Null(await source.GetModelAsync(other.Id.ToString(CultureInfo.InvariantCulture), profileId.ToString(CultureInfo.InvariantCulture), Ct));
        Assert.Null(await source.GetModelAsync(other.Id.ToString(CultureInfo.InvariantCulture), "not-a-number", Ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GetModelAsync_CustomerWithoutOrdersOrZone_HasNoOrderAndRendersInUtc(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        await new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System).WriteAsync(
            [new IngestBatch(workspace.Id, [Identify("u-en", null, """{"first_name":"Ann","last_name":"Lee"}""")])], Ct);
        var profileId = await new ProfileService(store.Database).ResolveAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "u-en"), Ct);
        var source = Source(store.Database);

        var model = await source.GetModelAsync(workspace.Id.ToString(CultureInfo.InvariantCulture), profileId!.Value.ToString(CultureInfo.InvariantCulture), Ct);
        var result = await TemplateService.CreateDefault().RenderAsync(
            "{{ customer.name }}|{% if order %}order{% else %}none{% endif %}|{{ customer.first_seen | date: '%H:%M' }}|{{ customer.orders_count }}", model!, ct: Ct);

        Assert.Equal("Ann Lee|none|09:00|0", result.Output);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GetModelAsync_ScoredCustomer_RendersEveryComputedValueButProfileFieldsWin(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var (workspace, profileId) = await IngestHanakoAsync(store);
        var scoredAt = T0.AddDays(30);
        await new ScoreRefresher(new PurchaseReader(store.Database), new ScoreWriter(store.Database), new BasketRefresher(store.Database), Options.Create(new ScoresOptions()),
            new FakeTimeProvider(scoredAt), NullLogger<ScoreRefresher>.Instance).RefreshAsync(workspace, null, Ct);
        await using (var connection = await store.Database.OpenAsync(Ct))
        {
            // Another feature's values: one new name, one that collides with a profile field.
            await connection.ExecuteAsync(
                """
                INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at)
                VALUES (@workspace, @profileId, 'loyalty_points', 1234.5, NULL, 0), (@workspace, @profileId, 'email', NULL, 'spoof@example.com', 0)
                """, new { workspace, profileId });
        }

        var stored = (await new ProfileValueReader(store.Database).ReadAsync(workspace, profileId, Ct)).ToDictionary(v => v.Name);
        var model = await Source(store.Database).GetModelAsync(workspace.ToString(CultureInfo.InvariantCulture), profileId.ToString(CultureInfo.InvariantCulture), Ct);
        var result = await TemplateService.CreateDefault().RenderAsync(
            "{{ customer.rfm_segment }}|{{ customer.rfm_score }}|{{ customer.rfm_recency }}|{{ customer.loyalty_points }}|"
            + "{{ customer.email }}|{{ customer.values.email }}|{{ customer.values_computed_at.rfm_segment | date: '%Y-%m-%d %H:%M' }}",
            model!, ct: Ct);

        Assert.Empty(result.Errors);
        Assert.False(string.IsNullOrEmpty(stored[ScoreNames.RfmSegment].Text));
        Assert.Equal(
            string.Join('|', stored[ScoreNames.RfmSegment].Text, stored[ScoreNames.RfmScore].Text,
                stored[ScoreNames.RfmRecency].Number!.Value.ToString(CultureInfo.InvariantCulture),
                "1234.5", "hanako@example.jp", "spoof@example.com", "2026-12-01 18:00"),
            result.Output);
    }

    private static ProfileTemplateDataSource Source(Database database) => new(new ProfileService(database), new ProfileValueReader(database), new ProfileBatchReader(database));

    private static async Task<(long Workspace, long ProfileId)> IngestHanakoAsync(TestStore store)
    {
        var workspace = await new WorkspaceService(store.Database, TimeProvider.System).CreateAsync($"ws-{Guid.NewGuid():N}", "絆ストア", Ct);
        var tokyo = new ProfileContext("Asia/Tokyo", "ja-JP", null, null, null);
        OrderLine[] lines = [new("p-matcha", "MT-30", "抹茶 30g", "tea", 1200, 2), new("p-kyusu", "KY-1", "南部鉄器 急須", "ware", 7400, 1)];
        await new IngestStore(store.Database, Options.Create(new IngestionOptions()), Work.ProfileData.CoreProfileData.Registry, TimeProvider.System).WriteAsync([new IngestBatch(workspace.Id, [
            Identify("u-jp-1", null, """{"email":"hanako@example.jp","firstName":"花子","lastName":"山田","plan":"gold"}""") with { Context = tokyo },
            Order("u-jp-1", "o-1001", 3000, T0.AddHours(1)),
            Track("u-jp-1", null, CommerceEvents.OrderCompleted, T0.AddDays(2).AddHours(16), order:
                new OrderEvent(OrderEventKind.Completed, "o-2002", 9800, "JPY", 0, 0, 0, null, lines)),
        ])], Ct);
        var profileId = await new ProfileService(store.Database).ResolveAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "u-jp-1"), Ct);
        return (workspace.Id, profileId!.Value);
    }
}
