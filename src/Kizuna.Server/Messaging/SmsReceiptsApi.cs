using Kizuna.Messaging;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Channels.Sms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Messaging;

/// <summary>
/// <c>POST /hooks/sms/status?id=…</c>: the SMS provider's delivery receipts (Twilio's status callback). No API key:
/// the request must carry <c>X-Twilio-Signature</c>, the HMAC of the URL this server gave the provider and the posted
/// fields under the account's auth token. <c>delivered</c> marks the message delivered and records
/// <c>SMS Delivered</c>; <c>undelivered</c> and <c>failed</c> mark it failed and record <c>SMS Failed</c> with the
/// provider's error code; other statuses (queued, sent) are acknowledged and change nothing.
/// </summary>
public static class SmsReceiptsApi
{
    public static IEndpointConventionBuilder MapSmsReceiptsApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/hooks/sms/status", ReceiveAsync).WithName("SmsStatusCallback").WithTags("Messages").AllowAnonymous().ExcludeFromDescription();

    internal static async Task<Results<NoContent, ProblemHttpResult, NotFound>> ReceiveAsync(
        HttpRequest request, IOptions<SmsOptions> sms, IOptions<MessagingOptions> messaging, DeliveryReceipts receipts, CancellationToken ct)
    {
        if (sms.Value.AuthToken is not { Length: > 0 } authToken)
        {
            return TypedResults.NotFound();
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("A status callback is form-encoded.", statusCode: StatusCodes.Status400BadRequest);
        }

        var id = request.Query["id"].ToString();
        var form = await request.ReadFormAsync(ct);
        var fields = form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
        var url = SmsChannel.StatusCallbackUrl(messaging.Value.PublicUrl, id);
        if (!TwilioSignature.IsValid(authToken, url, fields, request.Headers[TwilioSignature.Header].FirstOrDefault()))
        {
            return TypedResults.Problem("The request signature does not match.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (DeliveryIds.Parse(id) is not var (workspaceId, messageId))
        {
            return TypedResults.NotFound();
        }

        bool? delivered = form["MessageStatus"].ToString() switch
        {
            "delivered" => true,
            "undelivered" or "failed" => false,
            _ => null,
        };
        if (delivered is { } outcome)
        {
            var code = form["ErrorCode"].ToString();
            var detail = outcome ? null : $"The provider reports the text {form["MessageStatus"]}{(code.Length > 0 ? $" (error {code})" : "")}.";
            if (!await receipts.ApplyAsync(workspaceId, messageId, MessageChannel.Sms, outcome, detail, ct))
            {
                return TypedResults.NotFound();
            }
        }

        return TypedResults.NoContent();
    }
}
