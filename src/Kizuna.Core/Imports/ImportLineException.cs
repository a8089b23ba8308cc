namespace Kizuna.Imports;

/// <summary>One line cannot be loaded; the import records the reason against the line and goes on.</summary>
internal sealed class ImportLineException(string reason) : Exception(reason);
