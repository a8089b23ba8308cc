namespace Kizuna.Messaging.Channels;

/// <summary>A message rendered for one recipient, in its channel's shape (<see cref="Email.RenderedEmail"/>, …).</summary>
public abstract record RenderedContent;
