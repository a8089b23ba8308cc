using System.Net;
using Kizuna.Templates.ConnectedContent;
using Kizuna.Templates.ContentBlocks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kizuna.Templates;

/// <summary>The compiled-template and connected-content caches under a flood of keys they will never see again.</summary>
public sealed class TemplateCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RenderAsync_FloodOfOneOffTemplates_KeepsTheHotTemplateCompiled()
    {
        var service = new TemplateService(Options.Create(new TemplateOptions { MaxCachedTemplates = 100 }), TimeProvider.System, EmptyContentBlockSource.Instance, DisabledConnectedContentFetcher.Instance, []);
        var hot = new TemplateSource("welcome", 1, "AAAA");

        // A version is compiled once: the same (id, version) given another body still renders the compiled one.
        var stale = new TemplateSource("welcome", 1, "BBBB");
        Assert.Equal("AAAA", (await service.RenderAsync(hot, TemplateModel.Empty, ct: Ct)).Output);
        for (var i = 0; i < 2_000; i++)
        {
            await service.RenderAsync(new TemplateSource($"one-off-{i}", 1, "x"), TemplateModel.Empty, ct: Ct);
            if (i % 10 == 9)
            {
                Assert.Equal("AAAA", (await service.RenderAsync(stale, TemplateModel.Empty, ct: Ct)).Output);
            }
        }
    }

    [Fact]
    public async Task FetchAsync_FloodOfOneOffUrls_KeepsTheHotResponseCached()
    {
        var handler = new CountingHandler();
        var fetcher = new HttpConnectedContentFetcher(
            new ClientFactory(handler), Options.Create(new TemplateOptions()), TimeProvider.System, NullLogger<HttpConnectedContentFetcher>.Instance);
        var hot = new Uri("https://api.example.com/offers/today");

        for (var i = 0; i < 10_001; i++)
        {
            await fetcher.FetchAsync(new Uri($"https://api.example.com/offers/{Guid.NewGuid():N}"), Ct);
            if (i % 100 == 0)
            {
                await fetcher.FetchAsync(hot, Ct);
            }
        }

        Assert.Equal(1, handler.Requests(hot));
    }

    private sealed class ClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private readonly Dictionary<Uri, int> _requests = [];

        public int Requests(Uri url) => _requests.GetValueOrDefault(url);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_requests)
            {
                _requests[request.RequestUri!] = Requests(request.RequestUri!) + 1;
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"title":"offer"}""") });
        }
    }
}
