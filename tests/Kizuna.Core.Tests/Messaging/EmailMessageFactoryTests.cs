using System.Runtime.CompilerServices;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Email;
using Kizuna.Messaging.Outbox;
using Kizuna.Templates;
using Microsoft.Extensions.Options;

namespace Kizuna.Core.Tests.Messaging;

public sealed class EmailMessageFactoryTests
{
    [Fact]
    public void Create_MessageSentAndDropped_IsNotKeptAliveByTheFactory()
    {
        var factory = new EmailMessageFactory(Options.Create(new EmailOptions { FromAddress = "shop@example.com", FromName = "Shop" }), TimeProvider.System);
        var built = Build(factory, 200);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // A sender shared by every message would hold each one through its address list's change handler.
        Assert.DoesNotContain(built, w => w.TryGetTarget(out _));
        GC.KeepAlive(factory);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference<MimeKit.MimeMessage>> Build(EmailMessageFactory factory, int count)
    {
        var built = new List<WeakReference<MimeKit.MimeMessage>>();
        for (var i = 1; i <= count; i++)
        {
            var message = new OutboxMessage(i, 1, 0, MessageChannel.Email, "t", $"k{i}", 1, 1, $"r{i}@example.com", null, false, OutboxState.Queued, 0, null, null, default, default, null);
            var links = new MessageLinks("https://x.example/u", "https://x.example/p", "https://x.example/v");
            using var mime = factory.Create(new ReadyMessage(message, new RenderedEmail("Hi", "<p>Hi</p>", "Hi\n"), factory.MessageId(message), links));
            Assert.Equal("\"Shop\" <shop@example.com>", mime.From.ToString());
            built.Add(new WeakReference<MimeKit.MimeMessage>(mime));
        }

        return built;
    }
}
