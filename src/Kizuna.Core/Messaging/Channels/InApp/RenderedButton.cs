namespace Kizuna.Messaging.Channels.InApp;

/// <summary>A rendered button of an in-app message: <paramref name="Action"/> is <c>close</c> or <c>url</c> (open <paramref name="Url"/>).</summary>
public sealed record RenderedButton(string Label, string Action, string? Url);
