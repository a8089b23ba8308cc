namespace Kizuna.Templates.ConnectedContent;

/// <summary>A connected-content call failed in a way the template author should read about.</summary>
public sealed class ConnectedContentException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What the log says: the message unless it could carry more than the host (an inner error's text).</summary>
    public string Reason { get; init; } = message;
}
