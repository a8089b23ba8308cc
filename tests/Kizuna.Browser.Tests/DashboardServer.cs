using System.Net;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kizuna.Browser;

/// <summary>
/// Starts the kizuna server and Debian's chromium once for the run. Each test makes its own workspace, user and
/// customers, and its own browser context, so tests share nothing but the process.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminEmail = "admin@kizuna.local";
    public const string AdminPassword = "browser-test-admin-password";
    public const string UserPassword = "browser-test-user-password";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kizuna-browser-" + Guid.NewGuid().ToString("N"));
    private DashboardApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The server's clock; a test that moves it ahead puts it back when it ends.</summary>
    public ShiftedClock Clock { get; } = new(TimeProvider.System);

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server is not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _app = new DashboardApplication(_dataDirectory, AdminPassword, Clock);
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        await FirstRunFinishedAsync();

        // A shared 2-core machine can take seconds to start a page's live connection: expectations wait as long as actions.
        Assertions.SetDefaultExpectTimeout(20_000);

        // Playwright drives the system's chromium; it must never fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    // The host runs its own first-run setup (workspace, admin, keys) right after it starts; wait for its last step.
    private async Task FirstRunFinishedAsync()
    {
        var workspaces = Services.GetRequiredService<WorkspaceService>();
        var keys = Services.GetRequiredService<ApiKeyService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await workspaces.FindBySlugAsync("default", timeout.Token) is not { } workspace
            || (await keys.ListAsync(workspace.Id, timeout.Token)).Count < 2)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>A fresh browser context (no cookies) with one page; skips the test when chromium is not installed.</summary>
    public async Task<IPage> NewPageAsync(string? locale = null, string? timeZone = null)
    {
        if (_browser is null)
        {
            Assert.Skip("chromium not installed: apt-get install chromium");
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale ?? "en-US",
            // The browser's zone is the dashboard's default: fixed, so a test reads the same times on any machine.
            TimezoneId = timeZone ?? "UTC",
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new workspace with a new admin member, named uniquely for one test.</summary>
    public async Task<(Workspace Workspace, string Email)> CreateTenantAsync(string name)
    {
        var workspaces = Services.GetRequiredService<WorkspaceService>();
        var users = Services.GetRequiredService<UserService>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var workspace = await workspaces.CreateAsync($"ws-{suffix}", $"{name} {suffix[..4]}", CancellationToken.None);
        var email = $"user-{suffix}@example.test";
        var user = await users.CreateAsync(email, $"Tester {suffix}", UserPassword, CancellationToken.None);
        await workspaces.AddMemberAsync(workspace.Id, user.Id, Role.Admin, CancellationToken.None);
        return (workspace, email);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
