namespace Kizuna.Templates;

/// <summary>What went wrong, so callers can tell a marketer's typo from a sandbox limit.</summary>
public enum TemplateErrorKind
{
    /// <summary>The template does not parse.</summary>
    Syntax,

    /// <summary>A filter or tag failed while rendering (bad argument, missing partial, …).</summary>
    Render,

    /// <summary>Strict mode: a variable the data does not have.</summary>
    UndefinedVariable,

    /// <summary>Strict mode: a filter that is not registered.</summary>
    UndefinedFilter,

    /// <summary>A sandbox limit (steps, recursion, output size, partial depth, range size, calls) was reached.</summary>
    Limit,

    /// <summary>The wall-time budget ran out.</summary>
    Timeout,

    /// <summary>Connected content could not be fetched or was refused by the SSRF guard.</summary>
    ConnectedContent,
}
