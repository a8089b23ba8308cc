namespace Kizuna.Messaging.Content;

/// <summary>A text's encoding, its length in that encoding's units (septets or UTF-16 units), and the segments it is sent in.</summary>
public sealed record SmsCount(SmsEncoding Encoding, int Units, int Segments);
