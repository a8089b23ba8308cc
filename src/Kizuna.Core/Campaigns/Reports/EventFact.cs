namespace Kizuna.Campaigns.Reports;

/// <summary>An event of a targeted customer a report counts (engagement or conversion), times in epoch milliseconds.</summary>
public sealed class EventFact
{
    public long Id { get; set; }

    public long ProfileId { get; set; }

    public string Name { get; set; } = "";

    public long Ts { get; set; }

    public string? Properties { get; set; }
}
