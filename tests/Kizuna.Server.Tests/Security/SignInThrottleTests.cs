using System.Net;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Kizuna.Server.Security;

public sealed class SignInThrottleTests
{
    private const string Email = "guessed@example.test";
    private const string Password = "the-right-Passw0rd";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_ManyWrongPasswords_RightOneWaitsWith429UntilTheBackoffEnds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        await CreateMemberAsync(host.Services);
        var attacker = DashboardForms.Browser(host);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await DashboardForms.SignInAsync(attacker, Email, $"guess-{i}")).StatusCode);
        }

        var rightButEarly = await DashboardForms.SignInAsync(attacker, Email, Password);

        // 5 free failures; the 6th sets a 1 s wait, so the 7th and 8th are turned away unchecked.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 6), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButEarly.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), rightButEarly.Headers.RetryAfter?.Delta);
        time.Advance(TimeSpan.FromSeconds(1));
        var wrongAgain = await DashboardForms.SignInAsync(attacker, Email, "guess-again");
        var waitAfterIt = (await DashboardForms.SignInAsync(attacker, Email, Password)).Headers.RetryAfter?.Delta;
        time.Advance(TimeSpan.FromSeconds(2));
        var right = await DashboardForms.SignInAsync(attacker, Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, wrongAgain.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), waitAfterIt);   // each failure past the free ones doubles the wait
        Assert.Equal("/", right.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_Refused_LogsNeitherTheEmailNorThePassword()
    {
        var logs = new CapturedLogs();
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        await CreateMemberAsync(host.Services);

        await DashboardForms.SignInAsync(DashboardForms.Browser(host), Email, "Secret-guess-1234");

        var refused = Assert.Single(logs.Lines, l => l.Contains("sign-in refused", StringComparison.Ordinal));
        Assert.Contains(SignInThrottle.Label(Email), refused, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("guessed@", StringComparison.OrdinalIgnoreCase) || l.Contains("Secret-guess", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_ManyAccountsFromOneAddress_AddressIsHeldBack()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time)));
        await CreateMemberAsync(host.Services);
        var sprayer = DashboardForms.Browser(host);

        for (var i = 0; i < 21; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await DashboardForms.SignInAsync(sprayer, $"user{i}@example.test", "Winter2026!")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await DashboardForms.SignInAsync(sprayer, Email, Password)).StatusCode);
    }

    private static async Task CreateMemberAsync(IServiceProvider services)
    {
        var workspace = await services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var user = await services.GetRequiredService<UserService>().CreateAsync(Email, "Guessed", Password, Ct);
        await services.GetRequiredService<WorkspaceService>().AddMemberAsync(workspace.Id, user.Id, Role.Marketer, Ct);
    }
}
