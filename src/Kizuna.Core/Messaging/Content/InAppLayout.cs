namespace Kizuna.Messaging.Content;

/// <summary>How an in-app message shows: over the page, sliding up from the bottom, or the whole screen.</summary>
public enum InAppLayout
{
    Modal,
    SlideUp,
    FullScreen,
}
