namespace Kizuna.Journeys.Model;

/// <summary>
/// The HTTP call of a <c>webhook</c> node: <see cref="Method"/> (GET, POST, PUT, PATCH, DELETE), an absolute http(s)
/// <see cref="Url"/>, <see cref="Headers"/> and a JSON <see cref="Body"/>, each rendered with Liquid (<c>customer</c>,
/// <c>data</c>); the receiver has <see cref="TimeoutSeconds"/> (default 10, at most 30) to answer, and a transient failure
/// (a timeout, 408, 429, a 5xx) is tried again up to <see cref="Retries"/> times before the failure edge.
/// </summary>
public sealed record WebhookCall(
    string Method,
    string Url,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? Body = null,
    int? TimeoutSeconds = null,
    int? Retries = null)
{
    public const int DefaultRetries = 2;

    public const int MaxRetries = 5;

    public const int DefaultTimeoutSeconds = 10;

    public const int MaxTimeoutSeconds = 30;

    public static readonly IReadOnlyList<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
}
