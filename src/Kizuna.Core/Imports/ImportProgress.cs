namespace Kizuna.Imports;

/// <summary>How far an import has come: bytes of the file read, lines read, and lines refused so far.</summary>
public sealed record ImportProgress(long BytesRead, long TotalBytes, long LinesRead, long BadLines)
{
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Clamp((double)BytesRead / TotalBytes, 0, 1);
}
