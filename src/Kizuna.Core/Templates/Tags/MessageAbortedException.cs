namespace Kizuna.Templates.Tags;

/// <summary>Unwinds a render stopped by <c>abort_message</c>; the reason is on the render scope.</summary>
internal sealed class MessageAbortedException() : Exception("The template aborted the message.");
