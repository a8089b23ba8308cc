using Kizuna.Profiles;
using Kizuna.Storage;

namespace Kizuna.Work.ProfileData;

/// <summary>Erasing a profile, checked by reading every registered table after it: nothing of the customer, all of the others.</summary>
public sealed class RegistryErasureTests
{
    private const long Ws = 1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EraseAsync_CustomerWithRowsInEveryRegisteredTable_LeavesNoneOfThemAndTouchesNoOneElse(string engine)
    {
        await using var store = await TestStore.CreateAsync(engine, Ct);
        var registry = CoreProfileData.Registry;
        var ingest = CustomerData.Ingest(store);
        var gone = await CustomerData.WriteAsync(ingest, store, Ws, "gone", Ct);
        var stays = await CustomerData.WriteAsync(ingest, store, Ws, "stays", Ct);
        var before = await TableRows.ReadAsync(store.Database, registry, Ws, Ct);
        var (goneIds, staysIds) = (before.ProfileAndMerged(gone), before.ProfileAndMerged(stays));
        Assert.Equal(2, goneIds.Count);

        Assert.True(await new PrivacyService(store.Database, new ProfileService(store.Database), registry, TimeProvider.System, []).EraseAsync(Ws, gone, suppress: false, Ct));

        var after = await TableRows.ReadAsync(store.Database, registry, Ws, Ct);
        foreach (var table in registry.Tables.Select(t => t.Name))
        {
            var erased = before.Of(table, goneIds);
            Assert.True(erased.Count > 0, $"the customer has no row in {table}: add some to {nameof(CustomerData)}");
            // A row another customer still reaches (the shared account) stays; everything else of the customer goes.
            var left = erased.Intersect(after.AllOf(table)).Concat(after.Of(table, goneIds)).Except(after.Of(table, staysIds)).ToList();
            Assert.True(left.Count == 0, $"{table} still holds {string.Join("; ", left)}");
            Assert.Equal(before.Of(table, staysIds), after.Of(table, staysIds));
        }

        Assert.Contains(after.AllOf("accounts"), r => r.Contains("group_id=shared", StringComparison.Ordinal));
        Assert.DoesNotContain(after.AllOf("accounts"), r => r.Contains("group_id=gone-club", StringComparison.Ordinal));
        Assert.DoesNotContain(after.AllOf("order_lines"), r => r.Contains("order_id=gone-o1", StringComparison.Ordinal));
    }
}
