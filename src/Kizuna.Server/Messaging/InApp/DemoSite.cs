using Kizuna.Demo;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>The demo shop page's access, set by <c>kizuna demo</c> once its customer and messages are ready; null on any other server.</summary>
public sealed class DemoSite
{
    public DemoSiteAccess? Access { get; set; }
}
