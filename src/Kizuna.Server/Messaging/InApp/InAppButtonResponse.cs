namespace Kizuna.Server.Messaging.InApp;

/// <summary>A button of an in-app message: <c>action</c> is <c>close</c> or <c>url</c> (open <c>url</c>).</summary>
public sealed record InAppButtonResponse(string Label, string Action, string? Url);
