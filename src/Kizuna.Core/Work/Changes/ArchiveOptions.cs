namespace Kizuna.Work.Changes;

/// <summary>The event archive (<see cref="EventArchive"/>). Bound from the <c>Archive</c> configuration section.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>
    /// The folder every committed event is copied to as NDJSON, one file per change; unset (the default), no archive
    /// is kept. Nodes sharing a database may share the folder: one node at a time writes it.
    /// </summary>
    public string? Folder { get; set; }
}
