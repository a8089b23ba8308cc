namespace Kizuna.Imports;

/// <summary>One line of the file that was not loaded: its 1-based line number (the header is line 1) and why.</summary>
public sealed record LineError(long Line, string Reason);
