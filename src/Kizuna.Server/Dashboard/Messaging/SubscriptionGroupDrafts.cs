using System.Text.RegularExpressions;

namespace Kizuna.Server.Dashboard.Messaging;

/// <summary>The same rules for a new group's key and name as <c>POST /api/subscription-groups</c>, checked before the store is asked.</summary>
public static partial class SubscriptionGroupDrafts
{
    /// <summary>What is wrong with the key or name, field first; null when both are fine.</summary>
    public static string? Problem(string? key, string? name) =>
        key is null || !GroupKey().IsMatch(key.Trim()) ? "key: 1 to 64 lower-case letters, digits, '_' or '-'."
        : string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 ? "name: 1 to 100 characters."
        : null;

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex GroupKey();
}
