namespace Kizuna.Imports;

/// <summary>How far an import has come: bytes of the file read, lines read, lines refused and orders made so far.</summary>
public sealed record ImportProgress(long BytesRead, long TotalBytes, long LinesRead, long BadLines, long Orders = 0)
{
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Clamp((double)BytesRead / TotalBytes, 0, 1);
}
