namespace Kizuna.Messaging.Content;

/// <summary>What is wrong with one field of a message template; line and column (from 1) when it is Liquid syntax.</summary>
public sealed record ContentProblem(string Field, string Message, int? Line = null, int? Column = null);
