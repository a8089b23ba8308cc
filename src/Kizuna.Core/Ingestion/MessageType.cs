namespace Kizuna.Ingestion;

/// <summary>The call types of the Segment tracking spec.</summary>
public enum MessageType
{
    Identify,
    Track,
    Page,
    Screen,
    Group,
    Alias,
}
