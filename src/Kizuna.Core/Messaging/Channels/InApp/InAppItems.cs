using System.Text.Json;

namespace Kizuna.Messaging.Channels.InApp;

/// <summary>The rendered content of a stored item, read back in its channel's shape.</summary>
public static class InAppItems
{
    public static RenderedInApp? Message(InAppItem item) =>
        item.Channel == MessageChannel.InApp ? JsonSerializer.Deserialize<RenderedInApp>(item.Content, InAppStore.Json) : null;

    public static RenderedCard? Card(InAppItem item) =>
        item.Channel == MessageChannel.ContentCard ? JsonSerializer.Deserialize<RenderedCard>(item.Content, InAppStore.Json) : null;

    public static IReadOnlyList<RenderedButton>? Buttons(InAppItem item) => Message(item)?.Buttons;
}
