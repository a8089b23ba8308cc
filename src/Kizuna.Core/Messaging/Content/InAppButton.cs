namespace Kizuna.Messaging.Content;

/// <summary>A button of an in-app message: its Liquid label and what it does (<c>close</c>, or open <paramref name="Url"/>).</summary>
public sealed record InAppButton(string Label, string Action, string? Url = null);
