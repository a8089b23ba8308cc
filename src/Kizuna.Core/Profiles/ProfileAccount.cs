using System.Text.Json.Nodes;

namespace Kizuna.Profiles;

/// <summary>An account (the <c>groupId</c> of a group call) a profile belongs to, with the account's traits and when the profile was first and last seen in it.</summary>
public sealed record ProfileAccount(string GroupId, JsonObject Traits, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
