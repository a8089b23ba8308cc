namespace Kizuna.Imports;

/// <summary>Turns the lines of one kind of file into messages or catalogue rows.</summary>
internal interface IRowImporter
{
    /// <summary>Takes one line; throws <see cref="ImportLineException"/> when the line cannot be loaded.</summary>
    ValueTask AcceptAsync(ImportRow row, CancellationToken ct);

    /// <summary>Loads whatever is still held back once the file has ended.</summary>
    Task CompleteAsync(CancellationToken ct);
}
