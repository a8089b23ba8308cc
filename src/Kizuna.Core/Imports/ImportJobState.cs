namespace Kizuna.Imports;

/// <summary>The JSON document kept in the <c>report</c> column of an import job.</summary>
internal sealed record ImportJobState(ImportProgress? Progress, ImportReport? Report, string? Error);
