namespace Kizuna.Ingestion;

/// <summary>
/// The parts of a message's <c>context</c> that describe the customer rather than the event; the newest value
/// of each is kept on the profile. JSON members stay raw text.
/// </summary>
public sealed record ProfileContext(
    string? Timezone,
    string? Locale,
    string? DeviceJson,
    string? CampaignJson,
    string? LibraryJson)
{
    public bool IsEmpty => Timezone is null && Locale is null && DeviceJson is null && CampaignJson is null && LibraryJson is null;
}
