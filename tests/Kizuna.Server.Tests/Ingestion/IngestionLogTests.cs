using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kizuna.Server.Ingestion;

/// <summary>Tracking calls are the bulk of the traffic: a log line per call below Warning would drown the log.</summary>
public sealed class IngestionLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TrackingCalls_GoodBadAndUnauthorised_LogNothingBelowWarning()
    {
        var log = new CapturingLoggerProvider();
        await using var app = new KizunaApplication();
        await using var host = app.WithWebHostBuilder(b => b.UseEnvironment("Production").ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log)));
        var workspace = await host.Services.GetRequiredService<WorkspaceService>().CreateAsync($"ws-{Guid.NewGuid():N}", "Shop", Ct);
        var writeKey = (await host.Services.GetRequiredService<ApiKeyService>().CreateAsync(workspace.Id, ApiKeyKind.Write, "Site", [], Ct)).Secret;
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        await client.PostAsJsonAsync("/v1/track", new { userId = "warm-up", @event = "Started" }, Ct);
        log.Entries.Clear();

        await client.PostAsJsonAsync("/v1/track", new { userId = "log-1", @event = "Viewed" }, Ct);
        await client.PostAsJsonAsync("/v1/batch", new { batch = new object[] { new { type = "track", userId = "log-1" }, new { type = "page", userId = "log-1" } } }, Ct);
        await client.PostAsync(new Uri("/v1/identify", UriKind.Relative), new StringContent("{not json"), Ct);
        var stranger = host.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("kzw_unknown:"u8.ToArray()));
        await stranger.PostAsJsonAsync("/v1/track", new { userId = "log-2", @event = "Viewed" }, Ct);

        Assert.Empty(log.Entries.Where(e => e.Level is > LogLevel.Debug and < LogLevel.Warning).Select(e => $"{e.Category}: {e.Message}"));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
