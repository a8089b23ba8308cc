using System.Globalization;
using System.Text.Json;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels.InApp;
using Kizuna.Profiles;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>
/// The client's live stream (server-sent events): every current item once, then each new one as it arrives, as an
/// <c>in_app</c> or <c>content_card</c> event whose data is the item. A delivery on this node wakes the stream at
/// once; deliveries on other nodes are found by a poll every <see cref="InAppOptions.PollInterval"/>. An idle stream
/// sends a comment line every <see cref="InAppOptions.HeartbeatInterval"/>. It ends when the client leaves or the server stops.
/// </summary>
public sealed class InAppStream(
    InAppStore store, InAppSignals signals, ProfileService profiles, IOptions<InAppOptions> options, IHostApplicationLifetime lifetime, TimeProvider time)
{
    private static readonly MessageChannel[] Channels = [MessageChannel.InApp, MessageChannel.ContentCard];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public async Task RunAsync(HttpContext http, ClientIdentity identity, CancellationToken requestAborted)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";   // nginx would otherwise hold events back
        var sent = new HashSet<long>();
        var profileId = identity.ProfileId;
        var quietSince = time.GetUtcNow();
        try
        {
            await response.WriteAsync("retry: 3000\n\n", ct);
            await response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                // A customer not yet known (identify not yet sent) may become known while the stream is open.
                profileId ??= await profiles.ResolveAsync(identity.WorkspaceId, new ProfileLookup(ProfileLookupKind.UserId, identity.UserId), ct);
                var wake = profileId is { } id ? signals.Next(identity.WorkspaceId, id) : Task.Delay(Timeout.Infinite, ct);
                var now = time.GetUtcNow();
                var wrote = false;
                if (profileId is { } profile)
                {
                    foreach (var channel in Channels)
                    {
                        foreach (var item in await store.ListAsync(identity.WorkspaceId, profile, channel, now, ct))
                        {
                            if (sent.Add(item.MessageId))
                            {
                                await response.WriteAsync(Event(item), ct);
                                wrote = true;
                            }
                        }
                    }
                }

                if (!wrote && now - quietSince >= options.Value.HeartbeatInterval)
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    wrote = true;
                }

                if (wrote)
                {
                    quietSince = now;
                    await response.Body.FlushAsync(ct);
                }

                await Task.WhenAny(wake, Task.Delay(options.Value.PollInterval, time, ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the stream simply ends.
        }
    }

    private static string Event(InAppItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"id: {item.MessageId}\nevent: {MessageChannels.Name(item.Channel)}\ndata: {JsonSerializer.Serialize(InAppItemResponse.From(item), Json)}\n\n");
}
