using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>Refuses email settings that could only fail later, naming the setting.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!options.UseCatcher && string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("Messaging:Email:Host is required.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Messaging:Email:Port must be 1 to 65535.");
        }

        if (options.CatcherPort is < 0 or > 65535)
        {
            failures.Add("Messaging:Email:CatcherPort must be 0 to 65535.");
        }

        if (options.PoolSize is < 1 or > 64)
        {
            failures.Add("Messaging:Email:PoolSize must be 1 to 64.");
        }

        if (options.CatcherCapacity is < 1 or > 100_000)
        {
            failures.Add("Messaging:Email:CatcherCapacity must be 1 to 100000.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Messaging:Email:Timeout must be positive and at most 10 minutes.");
        }

        if (!MailboxAddress.TryParse(options.FromAddress, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add("Messaging:Email:FromAddress must be an email address.");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Messaging:Email:UserName and Messaging:Email:Password are set together.");
        }

        if (!string.IsNullOrEmpty(options.UserName) && !options.UseCatcher && !IsLoopback(options.Host)
            && options.Security is not (SmtpSecurity.StartTls or SmtpSecurity.SslOnConnect))
        {
            // With STARTTLS only "when available", whoever sits between can strip the offer and read the password.
            failures.Add("Messaging:Email:Security must be StartTls or SslOnConnect when UserName is set and Host is not this machine.");
        }

        if (options.Dkim.Enabled && (string.IsNullOrWhiteSpace(options.Dkim.Domain) || string.IsNullOrWhiteSpace(options.Dkim.Selector) || !options.Dkim.HasKey))
        {
            failures.Add("Messaging:Email:Dkim needs Domain, Selector and PrivateKeyPath or PrivateKey.");
        }

        if (options.Dkim.PrivateKeyPath is { Length: > 0 } path && !File.Exists(path))
        {
            failures.Add("Messaging:Email:Dkim:PrivateKeyPath names no file.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
