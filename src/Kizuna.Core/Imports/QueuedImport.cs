namespace Kizuna.Imports;

/// <summary>A job waiting for the runner: the file to read (deleted afterwards when it was an upload) and its mapping.</summary>
internal sealed record QueuedImport(ImportJob Job, string Path, ImportMapping Mapping, bool DeleteWhenDone);
