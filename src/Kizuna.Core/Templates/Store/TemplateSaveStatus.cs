namespace Kizuna.Templates.Store;

/// <summary>How a save ended.</summary>
public enum TemplateSaveStatus
{
    Saved,

    /// <summary>The name is not allowed, or the body or subject does not parse; nothing was written.</summary>
    Invalid,

    /// <summary>The workspace already has a template of this kind and name.</summary>
    NameTaken,

    /// <summary>The workspace has no template with this id.</summary>
    NotFound,

    /// <summary>The caller edited an older version than the current one.</summary>
    VersionConflict,
}
