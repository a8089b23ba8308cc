namespace Kizuna.Templates.ConnectedContent;

/// <summary>
/// Extension point: fetches the body behind <c>{% connected_content url %}</c>. Implementations must refuse
/// addresses the workspace may not reach and honour the token, which carries the render's time budget.
/// </summary>
public interface IConnectedContentFetcher
{
    /// <exception cref="ConnectedContentException">The URL was refused, failed, timed out or was too large.</exception>
    ValueTask<string> FetchAsync(Uri url, CancellationToken ct);
}
