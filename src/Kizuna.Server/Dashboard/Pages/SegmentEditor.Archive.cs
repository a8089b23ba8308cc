using Kizuna.Segments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Kizuna.Server.Dashboard.Pages;

/// <summary>Archiving a segment from its page and restoring it, each after the user confirms what it does to the members.</summary>
public sealed partial class SegmentEditor
{
    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private async Task ArchiveAsync()
    {
        if (_segment is not { Status: SegmentStatus.Active } segment || !_canWrite
            || await Dialogs.ShowMessageBoxAsync(S.ArchiveTitle, S.ArchiveQuestion(segment.Name), yesText: S.Archive, cancelText: S.Cancel) != true)
        {
            return;
        }

        if (await Segments.ArchiveAsync(_workspaceId, segment.Id, CancellationToken.None))
        {
            Snackbar.Add(S.ArchivedDone, Severity.Info);
            _segment = await Segments.FindAsync(_workspaceId, segment.Id, CancellationToken.None);
            _refreshes++;
        }
    }

    private async Task RestoreAsync()
    {
        if (_segment is not { Status: SegmentStatus.Archived } segment || !_canWrite
            || await Dialogs.ShowMessageBoxAsync(S.RestoreTitle, S.RestoreQuestion(segment.Name), yesText: S.Restore, cancelText: S.Cancel) != true)
        {
            return;
        }

        if (await Segments.RestoreAsync(_workspaceId, segment.Id, CancellationToken.None) is { } restored)
        {
            Snackbar.Add(S.RestoredDone, Severity.Success);
            _segment = restored;
            _refreshes++;
            Watch(null);
        }
    }
}
