namespace Kizuna.Messaging.Content;

/// <summary>
/// What a text costs: one segment holds 160 GSM-7 septets or 70 UCS-2 units; a longer text is split into parts of
/// 153 or 67 (the rest holds the concatenation header). GSM-7's extension characters take two septets; in UCS-2 a
/// character outside the basic plane (an emoji) takes two units. Japanese is always UCS-2.
/// </summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    public static SmsCount Count(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (Basic.Contains(c, StringComparison.Ordinal))
            {
                septets++;
            }
            else if (Extension.Contains(c, StringComparison.Ordinal))
            {
                septets += 2;
            }
            else
            {
                return Split(SmsEncoding.Ucs2, text.Length, 70, 67);
            }
        }

        return Split(SmsEncoding.Gsm7, septets, 160, 153);
    }

    private static SmsCount Split(SmsEncoding encoding, int units, int single, int part) =>
        new(encoding, units, units == 0 ? 0 : units <= single ? 1 : (units + part - 1) / part);
}
