namespace Kizuna.Journeys.Actions;

/// <summary>A webhook node's call as rendered for one entry: method, URL, headers and JSON body, or the <see cref="Problem"/> that stops it.</summary>
public sealed record WebhookRequest(string Method, Uri? Url, IReadOnlyDictionary<string, string> Headers, string? Body, string? Problem);
