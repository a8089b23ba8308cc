namespace Kizuna.Server.Imports;

/// <summary>How far a running import has read its file, and the orders it has made of it so far.</summary>
public sealed record ImportProgressResponse(long BytesRead, long TotalBytes, long LinesRead, long BadLines, long Orders, double Percent);
