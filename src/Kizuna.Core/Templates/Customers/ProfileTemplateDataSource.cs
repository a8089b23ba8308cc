using System.Globalization;
using Kizuna.Profiles;

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
        var zone = ProfileFields.TimeZoneOf(profile.Traits, profile.Context);
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
