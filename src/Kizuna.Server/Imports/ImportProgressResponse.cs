namespace Kizuna.Server.Imports;

/// <summary>How far a running import has read its file.</summary>
public sealed record ImportProgressResponse(long BytesRead, long TotalBytes, long LinesRead, long BadLines, double Percent);
