using Kizuna.Imports;

namespace Kizuna.Analytics.Scores;

/// <summary>Asks for a scores refresh when an import of orders has stored its rows (other imports change no order).</summary>
public sealed class ScoresAfterImport(ScoreRefreshQueue queue) : IImportObserver
{
    public async Task ImportedAsync(long workspaceId, ImportKind kind, CancellationToken ct)
    {
        if (kind == ImportKind.Orders)
        {
            await queue.RequestAsync(workspaceId, "import", ct);
        }
    }
}
