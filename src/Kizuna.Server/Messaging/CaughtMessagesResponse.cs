namespace Kizuna.Server.Messaging;

/// <summary>The catcher's latest messages of the workspace, newest first; <c>enabled</c> is false when email goes to a real server.</summary>
public sealed record CaughtMessagesResponse(bool Enabled, long TotalCaught, IReadOnlyList<CaughtMessageResponse> Messages);
