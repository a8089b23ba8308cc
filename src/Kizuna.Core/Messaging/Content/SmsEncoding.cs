namespace Kizuna.Messaging.Content;

/// <summary>How a text message is encoded: the GSM 03.38 alphabet, or UCS-2 as soon as one character is outside it.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
