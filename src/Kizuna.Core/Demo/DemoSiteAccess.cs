namespace Kizuna.Demo;

/// <summary>What the demo's shop page needs to show a customer their in-app messages and cards: a write key, the customer's user id and its hash.</summary>
public sealed record DemoSiteAccess(string WriteKey, string UserId, string UserHash);
