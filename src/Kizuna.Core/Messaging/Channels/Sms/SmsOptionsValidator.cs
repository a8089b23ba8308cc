using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Kizuna.Messaging.Channels.Sms;

/// <summary>Refuses SMS settings that could only fail later, naming the setting.</summary>
public sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add("Messaging:Sms:BaseUrl must be an http(s) URL.");
        }

        if (string.IsNullOrEmpty(options.AccountSid) != string.IsNullOrEmpty(options.AuthToken))
        {
            failures.Add("Messaging:Sms:AccountSid and Messaging:Sms:AuthToken are set together.");
        }

        if (options.AccountSid is { Length: > 0 } && string.IsNullOrEmpty(options.From) && string.IsNullOrEmpty(options.MessagingServiceSid))
        {
            failures.Add("Messaging:Sms:From or Messaging:Sms:MessagingServiceSid is required with an account.");
        }

        if (!PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(options.DefaultRegion))
        {
            failures.Add("Messaging:Sms:DefaultRegion must be a two-letter region code such as US or JP.");
        }

        if (options.Concurrency is < 1 or > 256)
        {
            failures.Add("Messaging:Sms:Concurrency must be 1 to 256.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Messaging:Sms:Timeout must be positive and at most 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
