namespace Kizuna.Server.Messaging.Consent;

/// <summary>A refusal naming the field at fault (a conflict such as a key already taken).</summary>
public sealed record ProblemResponse(string Field, string Detail);
