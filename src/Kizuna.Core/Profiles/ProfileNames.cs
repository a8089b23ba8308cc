using System.Text.Json.Nodes;

namespace Kizuna.Profiles;

/// <summary>
/// How a customer is named, on screen and in templates alike: the <c>name</c> trait as written, else first and
/// last name in the order of the customer's language, else email, user id or profile id.
/// </summary>
public static class ProfileNames
{
    /// <summary>The name of a profile, with the locale taken from its context (what the SDK saw) or its traits.</summary>
    public static string Display(JsonObject traits, JsonObject? context, string? email, string? userId, long id) =>
        Name(traits, LocaleOf(traits, context)) ?? email ?? userId ?? $"#{id}";

    /// <summary>The person's name from the traits alone (templates' <c>customer.name</c>), or null when they have none.</summary>
    public static string? Name(JsonObject traits, string? locale) => ProfileFields.Text(traits, "name") ?? Full(First(traits), Last(traits), locale);

    /// <summary>
    /// First and last name joined in the order the customer's language writes them: family name first in Japanese
    /// (山田 花子), given name first otherwise. Null when both are missing.
    /// </summary>
    public static string? Full(string? first, string? last, string? locale) =>
        first is null || last is null ? first ?? last
        : FamilyNameFirst(locale) ? $"{last} {first}"
        : $"{first} {last}";

    /// <summary>The <c>firstName</c> (or <c>first_name</c>) trait.</summary>
    public static string? First(JsonObject traits) => ProfileFields.Text(traits, "firstName") ?? ProfileFields.Text(traits, "first_name");

    /// <summary>The <c>lastName</c> (or <c>last_name</c>) trait.</summary>
    public static string? Last(JsonObject traits) => ProfileFields.Text(traits, "lastName") ?? ProfileFields.Text(traits, "last_name");

    /// <summary>The customer's locale: <c>context.locale</c>, else the <c>locale</c> trait.</summary>
    public static string? LocaleOf(JsonObject traits, JsonObject? context) =>
        (context is null ? null : ProfileFields.Text(context, "locale")) ?? ProfileFields.Text(traits, "locale");

    private static bool FamilyNameFirst(string? locale) => locale?.StartsWith("ja", StringComparison.OrdinalIgnoreCase) == true;
}
