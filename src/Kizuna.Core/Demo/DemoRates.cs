namespace Kizuna.Demo;

/// <summary>How the customers answer one variant of a demo campaign: who opens, who of them clicks, who of those orders.</summary>
internal sealed record DemoRates(double Open, double Click, double Order);
