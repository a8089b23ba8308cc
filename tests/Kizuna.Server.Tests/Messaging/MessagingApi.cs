using System.Net.Http.Json;
using System.Text.Json;
using Kizuna.Ingestion;

namespace Kizuna.Server.Messaging;

/// <summary>What the messaging API tests do around a send: identify the customer, then wait for the message's state.</summary>
internal static class MessagingApi
{
    /// <summary>A server whose email goes to the SMTP catcher inside it, with links under a public address.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Catcher = new Dictionary<string, string?>
    {
        ["Messaging:Email:UseCatcher"] = "true",
        ["Messaging:Email:CatcherPort"] = "0",
        ["Messaging:Email:FromAddress"] = "shop@example.com",
        ["Messaging:PublicUrl"] = "https://kizuna.example.com",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Waits (about 30 s at most) until the message reaches <paramref name="state"/>, failing with the state it has otherwise.</summary>
    public static async Task<MessageResponse> WaitForStateAsync(HttpClient client, long id, string state)
    {
        for (var tries = 0; ; tries++)
        {
            var message = (await client.GetFromJsonAsync<MessageResponse>($"/api/messages/{id}", Ct))!;
            if (message.State == state || tries == 1500)
            {
                Assert.Equal(state, message.State);
                return message;
            }

            await Task.Delay(20, Ct);
        }
    }

    /// <summary>An identify call with <paramref name="traits"/>, committed before this returns.</summary>
    public static async Task IdentifyAsync(KizunaApplication app, long workspaceId, string userId, object traits)
    {
        var now = DateTimeOffset.UtcNow;
        await app.Service<IngestionPipeline>().SubmitAsync(new IngestBatch(workspaceId, [new IngestMessage
        {
            Type = MessageType.Identify, MessageId = Guid.NewGuid().ToString(), UserId = userId,
            TraitsJson = JsonSerializer.Serialize(traits), Timestamp = now, ReceivedAt = now,
        }]), Ct);
    }
}
