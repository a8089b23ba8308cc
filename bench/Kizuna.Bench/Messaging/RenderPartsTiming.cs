using System.Diagnostics;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Bench.Messaging;

/// <summary>The parts of a message's render timed alone on one thread: signed links, Liquid, CSS inlining, the text part.</summary>
public static class RenderPartsTiming
{
    public static async Task PrintAsync(IServiceProvider services, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var signer = services.GetRequiredService<MessageLinkSigner>();
        for (var i = 0; i < 1000; i++)
        {
            await signer.ForAsync(new OutboxMessage(i, 1, 0, MessageChannel.Email, "x", "x", 1, 1, "a@b.c", null, false, OutboxState.Queued, 0, null, null, default, default, null), ct);
        }

        Console.WriteLine($"  links alone: {1000 / clock.Elapsed.TotalSeconds:N0} messages/s");
        var service = services.GetRequiredService<TemplateService>();
        using var sampleData = System.Text.Json.JsonDocument.Parse(BenchEmail.Data(1));
        var html = (await service.RenderAsync(new TemplateSource("x", 1, BenchEmail.Html), new TemplateModel().Set("data", sampleData.RootElement.Clone()), null, ct)).Output!;
        clock.Restart();
        for (var i = 0; i < 200; i++)
        {
            await service.RenderAsync(new TemplateSource("x", 1, BenchEmail.Html), new TemplateModel().Set("data", sampleData.RootElement.Clone()), null, ct);
        }

        Console.WriteLine($"  liquid alone: {200 / clock.Elapsed.TotalSeconds:N0}/s");
        clock.Restart();
        for (var i = 0; i < 50; i++)
        {
            EmailRenderer.Inline(html);
        }

        Console.WriteLine($"  inline alone: {50 / clock.Elapsed.TotalSeconds:N0}/s");
        clock.Restart();
        for (var i = 0; i < 100; i++)
        {
            HtmlText.From(html);
        }

        Console.WriteLine($"  text alone: {100 / clock.Elapsed.TotalSeconds:N0}/s");
    }
}
