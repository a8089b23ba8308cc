using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Profiles;
using TimeZoneConverter;

namespace Kizuna.Templates.Customers;

/// <summary>
/// The template model of one stored customer: <c>customer</c> (profile, traits, aggregates) and <c>order</c> (their
/// latest order), with the customer's time zone and locale as the render's defaults.
/// </summary>
public sealed class ProfileTemplateDataSource(ProfileService profiles) : ITemplateDataSource
{
    public async ValueTask<TemplateModel?> GetModelAsync(string workspaceId, string profileId, CancellationToken ct)
    {
        if (!long.TryParse(workspaceId, NumberStyles.None, CultureInfo.InvariantCulture, out var workspace)
            || await profiles.FindAsync(workspace, new ProfileLookup(ProfileLookupKind.Id, profileId), ct) is not { } detail)
        {
            return null;
        }

        var profile = detail.Profile;
        var zone = ZoneOf(Text(profile.Context, "timezone") ?? Text(profile.Traits, "timezone"));
        var locale = ProfileNames.LocaleOf(profile.Traits, profile.Context);
        var latest = await profiles.LatestOrderAsync(workspace, profile.Id, ct);
        var model = new TemplateModel { TimeZone = zone, Culture = CultureOf(locale) }
            .Customer(CustomerModel.From(profile, zone, locale));
        if (latest is not null)
        {
            model.Order(CustomerModel.FromOrder(latest, zone));
        }

        return model;
    }

    internal static string? Text(JsonObject json, string key) =>
        json.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text)
            && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static TimeZoneInfo? ZoneOf(string? name) =>
        name is not null && TZConvert.TryGetTimeZoneInfo(name, out var zone) ? zone : null;

    private static CultureInfo? CultureOf(string? locale)
    {
        if (locale is null)
        {
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(locale.Replace('_', '-'), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
