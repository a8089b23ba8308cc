using Kizuna.Imports;

namespace Kizuna.Analytics.Scores;

/// <summary>Asks for a scores refresh when an import of orders or customers has stored its rows.</summary>
public sealed class ScoresAfterImport(ScoreRefreshQueue queue) : IImportObserver
{
    public async Task ImportedAsync(long workspaceId, ImportKind kind, CancellationToken ct)
    {
        if (kind is ImportKind.Orders or ImportKind.Customers)
        {
            await queue.RequestAsync(workspaceId, "import", ct);
        }
    }
}
