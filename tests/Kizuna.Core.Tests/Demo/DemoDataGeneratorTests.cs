using System.Text.RegularExpressions;
using Kizuna.Ingestion;
using Kizuna.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Demo;

public sealed partial class DemoDataGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SeedAsync_FiftyCustomers_BuildsProfilesOrdersAndNamesInBothLanguages()
    {
        await using var host = await CoreHost.StartAsync(configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        var ct = TestContext.Current.CancellationToken;

        var report = await host.Get<DemoDataGenerator>().SeedAsync(host.Workspace.Id, new DemoOptions(50), null, ct);

        Assert.Equal(report.Messages, report.Stored);
        var profiles = await host.Get<ProfileService>().SearchAsync(host.Workspace.Id, new ProfileQuery(Limit: 100), ct);
        Assert.Equal(50, profiles.Total);
        Assert.True(await host.CountAsync("SELECT COUNT(*) FROM orders WHERE workspace_id = @ws") > 0);
        Assert.True(await host.CountAsync("SELECT COUNT(*) FROM products WHERE workspace_id = @ws") >= 60);
        var names = profiles.Items.Select(p => p.DisplayName).ToList();
        Assert.Contains(names, n => Kanji().IsMatch(n));
        Assert.Contains(names, n => Latin().IsMatch(n));
        var customer = await host.Get<ProfileService>().FindAsync(host.Workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, "cus_00001"), ct);
        Assert.NotNull(customer);
        Assert.NotNull(customer.Profile.Email);
        Assert.InRange(customer.Profile.Aggregates.FirstSeen, Now.AddDays(-366), Now);
    }

    [Fact]
    public async Task Generate_SameSeedAndClock_GivesTheSameData()
    {
        await using var host = await CoreHost.StartAsync(configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        var generator = host.Get<DemoDataGenerator>();

        var first = Fingerprints(generator, new DemoOptions(30, Seed: 7));
        var again = Fingerprints(generator, new DemoOptions(30, Seed: 7));
        var other = Fingerprints(generator, new DemoOptions(30, Seed: 8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private static List<string> Fingerprints(DemoDataGenerator generator, DemoOptions options) =>
        [.. generator.Generate(options).SelectMany(c => c.Messages).Select(Fingerprint)];

    private static string Fingerprint(IngestMessage m) =>
        $"{m.MessageId}|{m.Type}|{m.Name}|{m.UserId}|{m.AnonymousId}|{m.Timestamp:O}|{m.PropertiesJson}|{m.TraitsJson}|{m.ContextJson}|{m.Order?.Total}";

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}+ \S+$")]
    private static partial Regex Kanji();

    [GeneratedRegex(@"^[A-Z][a-z]+ [A-Z][a-z]+$")]
    private static partial Regex Latin();

    [Fact]
    public async Task SeedAsync_SeveralChunks_ReportsCustomersCommittedInOrderUpToAll()
    {
        await using var host = await CoreHost.StartAsync(configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        var progress = new List<int>();

        var report = await host.Get<DemoDataGenerator>().SeedAsync(host.Workspace.Id, new DemoOptions(150), new Collect(progress), TestContext.Current.CancellationToken);

        Assert.True(report.Messages > 4_000, $"{report.Messages} messages fit in one chunk");
        Assert.True(progress.Count > 1);
        Assert.Equal(progress.Order(), progress);
        Assert.Equal(150, progress[^1]);
    }

    private sealed class Collect(List<int> customers) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => customers.Add(value.Customers);
    }
}
