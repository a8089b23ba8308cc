namespace Kizuna.Demo;

/// <summary>What seeding the demo stored.</summary>
public sealed record DemoReport(int Customers, int Products, long Messages, long Stored, long Duplicates, double ElapsedSeconds);
