using Kizuna.Templates.ContentBlocks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kizuna.Templates;

/// <summary>What the server's logs say about connected content, with the template services registered as the server registers them.</summary>
public sealed class ConnectedContentLoggingTests
{
    [Fact]
    public async Task RenderAsync_RefusedConnectedContent_LogsOneLineWithHostAndReasonOnly()
    {
        var collector = new FakeLogCollector();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<IContentBlockSource>(new InMemoryContentBlockSource())
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        services.AddKizunaTemplates(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        const string template = "{% connected_content http://127.0.0.1:9/customers/hanako@example.jp?email=hanako%40example.jp :save offer %}{{ offer.title }}";

        var result = await provider.GetRequiredService<TemplateService>().RenderAsync(template, TemplateModel.Empty, ct: TestContext.Current.CancellationToken);

        Assert.Equal(TemplateErrorKind.ConnectedContent, Assert.Single(result.Errors).Kind);
        var record = Assert.Single(collector.GetSnapshot());
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Null(record.Exception);
        Assert.Contains("127.0.0.1", record.Message, StringComparison.Ordinal);
        Assert.Contains("private or loopback", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hanako", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/customers", record.Message, StringComparison.Ordinal);
    }
}
