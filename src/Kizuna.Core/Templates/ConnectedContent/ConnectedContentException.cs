namespace Kizuna.Templates.ConnectedContent;

/// <summary>A connected-content call failed in a way the template author should read about.</summary>
public sealed class ConnectedContentException(string message, Exception? inner = null) : Exception(message, inner);
