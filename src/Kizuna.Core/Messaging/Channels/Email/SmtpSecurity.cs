namespace Kizuna.Messaging.Channels.Email;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text (a relay on loopback, the demo's catcher).</summary>
    None,

    /// <summary>STARTTLS when the server offers it, plain text otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>STARTTLS, or no connection.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
