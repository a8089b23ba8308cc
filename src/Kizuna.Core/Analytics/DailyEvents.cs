namespace Kizuna.Analytics;

/// <summary>How many events a workspace received on one UTC day.</summary>
public sealed record DailyEvents(DateOnly Day, long Events);
