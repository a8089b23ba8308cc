namespace Kizuna.Campaigns;

/// <summary>The stored and wire names of <see cref="CampaignState"/>: lower-case member names.</summary>
public static class CampaignStates
{
    public static string Name(CampaignState state) => state.ToString().ToLowerInvariant();

    public static CampaignState Parse(string stored) =>
        EnumNames.TryParse<CampaignState>(stored, out var state) ? state : throw new InvalidDataException($"'{stored}' is not a campaign state.");

    /// <summary>Definitions can change only before the first message is queued.</summary>
    public static bool IsEditable(CampaignState state) => state is CampaignState.Draft or CampaignState.Scheduled;

    /// <summary>No message of the campaign will be queued any more.</summary>
    public static bool IsFinal(CampaignState state) => state is CampaignState.Sent or CampaignState.Cancelled;
}
