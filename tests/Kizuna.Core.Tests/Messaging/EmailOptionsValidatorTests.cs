using Kizuna.Messaging.Channels.Email;

namespace Kizuna.Messaging;

public sealed class EmailOptionsValidatorTests
{
    [Theory]
    [InlineData("smtp.example.com", SmtpSecurity.StartTlsWhenAvailable, false)]
    [InlineData("smtp.example.com", SmtpSecurity.None, false)]
    [InlineData("smtp.example.com", SmtpSecurity.StartTls, true)]
    [InlineData("smtp.example.com", SmtpSecurity.SslOnConnect, true)]
    [InlineData("localhost", SmtpSecurity.None, true)]
    [InlineData("127.0.0.1", SmtpSecurity.StartTlsWhenAvailable, true)]
    [InlineData("::1", SmtpSecurity.None, true)]
    public void Validate_CredentialsOffThisMachine_NeedTls(string host, SmtpSecurity security, bool valid)
    {
        var options = new EmailOptions { Host = host, Security = security, UserName = "mailer", Password = "secret" };

        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Messaging:Email:Security must be StartTls or SslOnConnect", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
