namespace Kizuna.Demo;

/// <summary>Customers whose timelines have been committed, of how many.</summary>
public sealed record DemoProgress(int Customers, int Total);
