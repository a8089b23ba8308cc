using System.Globalization;
using Kizuna.Profiles;

namespace Kizuna.Templates.Customers;

/// <summary>
/// The template model of one stored customer: <c>customer</c> (profile, traits, aggregates) and <c>order</c> (their
/// latest order), with the customer's time zone and locale as the render's defaults. The profile's computed values
/// (<c>computed_values</c>: RFM, predicted CLV, …) are added by name; see <see cref="CustomerModel.AddValues"/>.
/// </summary>
public sealed class ProfileTemplateDataSource(ProfileService profiles, ProfileValueReader values, ProfileBatchReader batch) : ITemplateDataSource
{
    public async ValueTask<TemplateModel?> GetModelAsync(string workspaceId, string profileId, CancellationToken ct)
    {
        if (!long.TryParse(workspaceId, NumberStyles.None, CultureInfo.InvariantCulture, out var workspace)
            || await profiles.FindAsync(workspace, new ProfileLookup(ProfileLookupKind.Id, profileId), ct) is not { } detail)
        {
            return null;
        }

        var profile = detail.Profile;
        var latest = await profiles.LatestOrderAsync(workspace, profile.Id, ct);
        return Model(new ProfileForModel(profile, latest, await values.ReadAsync(workspace, profile.Id, ct)));
    }

    public async ValueTask<IReadOnlyDictionary<long, TemplateModel>> GetModelsAsync(long workspaceId, IReadOnlyCollection<long> profileIds, CancellationToken ct) =>
        (await batch.ReadAsync(workspaceId, profileIds, ct)).ToDictionary(p => p.Profile.Id, Model);

    private static TemplateModel Model(ProfileForModel found)
    {
        var profile = found.Profile;
        var zone = ProfileFields.TimeZoneOf(profile.Traits, profile.Context);
        var locale = ProfileNames.LocaleOf(profile.Traits, profile.Context);
        var customer = CustomerModel.From(profile, zone, locale);
        CustomerModel.AddValues(customer, found.Values, zone);
        var model = new TemplateModel { TimeZone = zone, Culture = CultureOf(locale) }.Customer(customer);
        if (found.LatestOrder is { } latest)
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
