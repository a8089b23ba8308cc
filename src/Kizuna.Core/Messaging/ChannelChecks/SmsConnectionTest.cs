using System.Net;
using Kizuna.Messaging.Channels.Sms;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.ChannelChecks;

/// <summary>
/// Checks the SMS settings with the request Twilio-shaped APIs offer for it: fetching the account
/// (<c>GET /2010-04-01/Accounts/{sid}.json</c>) with the credentials a send uses. Nothing is sent and nothing is
/// charged. A failure is reported, never thrown, with the provider's status or the network's reason.
/// </summary>
public sealed class SmsConnectionTest(IHttpClientFactory clients, IOptions<SmsOptions> options)
{
    public async Task<ConnectionTestResult> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var root = new Uri(settings.BaseUrl);
        ConnectionTestResult Result(bool ok, string detail) => new(ok, root.Host, root.Port, root.Scheme, detail, []);
        if (settings.UseCatcher)
        {
            return Result(true, "SMS goes to the demo catcher; no account is needed.");
        }

        if (!settings.Configured)
        {
            return Result(false, "SMS is not configured: set Messaging:Sms:AccountSid and Messaging:Sms:AuthToken.");
        }

        using var request = SmsChannel.AccountRequest(HttpMethod.Get, settings, ".json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await clients.CreateClient(SmsChannel.ClientName).SendAsync(request, timeout.Token);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => Result(true, "The provider accepted the account's credentials."),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Result(false, $"The provider refused the account's credentials ({(int)response.StatusCode})."),
                HttpStatusCode.NotFound => Result(false, "The provider does not know this account (404)."),
                _ => Result(false, $"The provider answered {(int)response.StatusCode}."),
            };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Result(false, $"No answer within {settings.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return Result(false, e.Message);
        }
    }
}
