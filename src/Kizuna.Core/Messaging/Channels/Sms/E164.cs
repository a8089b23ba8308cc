using PhoneNumbers;

namespace Kizuna.Messaging.Channels.Sms;

/// <summary>
/// Phone numbers as E.164 (<c>+819012345678</c>) with libphonenumber: a number written with its country code is read
/// as such, one without it in the default region; a number that is not valid there is refused with the reason.
/// </summary>
public static class E164
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, or null with <paramref name="reason"/> saying why it cannot be texted.</summary>
    public static string? Normalise(string? raw, string defaultRegion, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            reason = "The profile has no phone number.";
            return null;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(raw, defaultRegion);
        }
        catch (NumberParseException e)
        {
            reason = $"The phone number cannot be read ({e.ErrorType}).";
            return null;
        }

        if (!Util.IsValidNumber(number))
        {
            reason = $"The phone number is not a valid number (read in region {defaultRegion}).";
            return null;
        }

        var type = Util.GetNumberType(number);
        if (type is PhoneNumberType.FIXED_LINE or PhoneNumberType.PAGER or PhoneNumberType.UAN or PhoneNumberType.VOICEMAIL)
        {
            reason = $"The phone number is a {type.ToString().ToLowerInvariant().Replace('_', ' ')} number, which cannot receive text messages.";
            return null;
        }

        return Util.Format(number, PhoneNumberFormat.E164);
    }
}
