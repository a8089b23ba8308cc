namespace Kizuna.Templates.ConnectedContent;

/// <summary>Connected content switched off: every call is refused.</summary>
public sealed class DisabledConnectedContentFetcher : IConnectedContentFetcher
{
    public static DisabledConnectedContentFetcher Instance { get; } = new();

    public ValueTask<string> FetchAsync(Uri url, CancellationToken ct) =>
        throw new ConnectedContentException("Connected content is not enabled.");
}
