namespace Kizuna.Imports;

/// <summary>
/// Told when an import has stored its rows (from the job queue or the command line), so features that compute from
/// the data (analytics scores) can refresh. Called after the import's last message is committed; a failure is
/// logged and does not fail the import.
/// </summary>
public interface IImportObserver
{
    Task ImportedAsync(long workspaceId, ImportKind kind, CancellationToken ct);
}
