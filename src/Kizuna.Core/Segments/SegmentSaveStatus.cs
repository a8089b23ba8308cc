namespace Kizuna.Segments;

/// <summary>How a save ended.</summary>
public enum SegmentSaveStatus
{
    Saved,

    /// <summary>The name or the definition is refused; nothing was written.</summary>
    Invalid,

    /// <summary>The workspace already has a segment of this name.</summary>
    NameTaken,

    /// <summary>The workspace has no segment with this id.</summary>
    NotFound,

    /// <summary>The caller edited an older version than the current one.</summary>
    VersionConflict,

    /// <summary>The segment is archived; it takes no new versions.</summary>
    Archived,
}
