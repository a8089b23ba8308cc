namespace Kizuna.Demo;

/// <summary>How much demo data to make; the same seed (and clock) gives the same data.</summary>
public sealed record DemoOptions(int Customers = 3_000, int Seed = 20_260_401);
