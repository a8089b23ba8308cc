using System.Security.Claims;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Suppressions;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Messaging.Suppressions;

/// <summary>
/// The workspace's suppression list: addresses no message goes to, transactional ones included. Hard bounces list
/// themselves; a provider's bounce or complaint webhook, an ESP's export or an operator adds through
/// <c>POST /api/suppressions</c> (<c>consent:write</c>); <c>GET</c> reads the list (<c>consent:read</c>);
/// <c>DELETE /api/suppressions/{channel}/{address}</c> takes an address off it once its mailbox works again
/// (<c>messaging:manage</c>: it lets every kind of message through again).
/// </summary>
public static class SuppressionsApi
{
    public static RouteGroupBuilder MapSuppressionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/suppressions").WithTags("Consent");
        group.MapGet("/", ListAsync).WithName("ListSuppressions").RequireScope(Scopes.ConsentRead);
        group.MapPost("/", AddAsync).WithName("AddSuppressions").RequireScope(Scopes.ConsentWrite);
        group.MapDelete("/{channel}/{address}", RemoveAsync).WithName("RemoveSuppression").RequireScope(Scopes.MessagingManage);
        return group;
    }

    internal static async Task<Results<Ok<SuppressionsPageResponse>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, SuppressionStore store, CancellationToken ct, string? channel = null, string? reason = null, string? after = null, int limit = 100)
    {
        MessageChannel? onChannel = null;
        if (channel is not null)
        {
            if (!SuppressionInputs.TryChannel(channel, out var c))
            {
                return Invalid("channel", SuppressionInputs.ChannelError);
            }

            onChannel = c;
        }

        if (reason is not null && !SuppressionReasons.IsKnown(reason))
        {
            return Invalid("reason", SuppressionInputs.ReasonError);
        }

        MessageChannel? afterChannel = null;
        string? afterAddress = null;
        if (after is not null)
        {
            if (!SuppressionInputs.TryCursor(after, out var ac, out var aa))
            {
                return Invalid("after", "Give the 'next' value of the previous page.");
            }

            (afterChannel, afterAddress) = (ac, aa);
        }

        if (limit is < 1 or > SuppressionStore.MaxLimit)
        {
            return Invalid("limit", $"limit is 1 to {SuppressionStore.MaxLimit}.");
        }

        var items = await store.ListAsync(user.WorkspaceIdOf(), new SuppressionFilter(onChannel, reason, afterChannel, afterAddress, limit), ct);
        return TypedResults.Ok(new SuppressionsPageResponse(
            [.. items.Select(SuppressionResponse.From)], items.Count == limit ? SuppressionInputs.Cursor(items[^1]) : null));
    }

    internal static async Task<Results<Ok<AddSuppressionsResponse>, ValidationProblem>> AddAsync(
        AddSuppressionsRequest request, ClaimsPrincipal user, SuppressionService service, SuppressionStore store, IOptions<SmsOptions> sms, CancellationToken ct)
    {
        if (request.Entries is not { Count: > 0 and <= SuppressionInputs.MaxEntries } entries)
        {
            return Invalid("entries", $"Give 1 to {SuppressionInputs.MaxEntries} entries.");
        }

        var valid = new List<SuppressionRequest>();
        var failed = new List<SuppressionFailure>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (parsed, failure) = SuppressionInputs.Entry(i, entries[i], sms.Value.DefaultRegion);
            if (parsed is not null)
            {
                valid.Add(parsed);
            }
            else
            {
                failed.Add(failure!);
            }
        }

        if (valid.Count == 0)
        {
            return TypedResults.ValidationProblem(failed.ToDictionary(f => f.Field, f => new[] { f.Error }));
        }

        var workspaceId = user.WorkspaceIdOf();
        var added = await service.AddAsync(workspaceId, valid, ct);
        var already = new List<SuppressionResponse>();
        foreach (var channel in valid.Where(v => !added.Any(a => a.Channel == v.Channel && a.Address == v.Address)).GroupBy(v => v.Channel))
        {
            var listed = await store.ListedAsync(workspaceId, channel.Key, [.. channel.Select(v => v.Address).Distinct()], ct);
            already.AddRange(listed.Values.Select(SuppressionResponse.From));
        }

        return TypedResults.Ok(new AddSuppressionsResponse([.. added.Select(SuppressionResponse.From)], already, failed));
    }

    internal static async Task<Results<NoContent, NotFound, ValidationProblem>> RemoveAsync(
        string channel, string address, ClaimsPrincipal user, SuppressionStore store, IOptions<SmsOptions> sms, CancellationToken ct)
    {
        if (!SuppressionInputs.TryChannel(channel, out var onChannel))
        {
            return Invalid("channel", SuppressionInputs.ChannelError);
        }

        if (SuppressionAddresses.Normalise(onChannel, address, sms.Value.DefaultRegion, out var error) is not { } listed)
        {
            return Invalid("address", error!);
        }

        return await store.RemoveAsync(user.WorkspaceIdOf(), onChannel, listed, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] });
}
