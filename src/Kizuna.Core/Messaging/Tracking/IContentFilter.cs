using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging.Tracking;

/// <summary>
/// Extension point: a change every rendered message goes through after its template and before its channel (open
/// pixels and click redirects today). Filters run in registration order; one that has nothing to do returns the content as it is.
/// </summary>
public interface IContentFilter
{
    ValueTask<RenderedContent> ApplyAsync(OutboxMessage message, RenderedContent content, CancellationToken ct);
}
