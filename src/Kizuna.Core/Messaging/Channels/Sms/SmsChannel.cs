using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Channels.Sms;

/// <summary>
/// SMS over a Twilio-shaped REST API: each message a form-encoded POST to <c>/2010-04-01/Accounts/{sid}/Messages.json</c>
/// with HTTP Basic auth, the message's deterministic id as its <c>Idempotency-Key</c> (so a resend after a crash is
/// one text at a provider that honours it) and, when receipts are on, a status callback naming that id. A 2xx is
/// sent; 408, 429, a 5xx, a timeout or a dropped connection is transient; any other 4xx (an invalid number, a
/// refused sender) permanent, with the provider's code and message.
/// </summary>
public sealed class SmsChannel(IHttpClientFactory clients, IOptions<SmsOptions> options, IOptions<MessagingOptions> messaging) : IChannelAdapter
{
    public const string ClientName = "Kizuna.Sms";

    public MessageChannel Channel => MessageChannel.Sms;

    /// <summary>Where the provider posts delivery receipts: the server's public URL.</summary>
    public static string StatusCallbackUrl(string publicUrl, string deliveryId) => $"{publicUrl.TrimEnd('/')}/hooks/sms/status?id={Uri.EscapeDataString(deliveryId)}";

    /// <summary>A request to the account's resource <c>{BaseUrl}/2010-04-01/Accounts/{sid}{path}</c>, with the account's HTTP Basic credentials.</summary>
    public static HttpRequestMessage AccountRequest(HttpMethod method, SmsOptions settings, string path)
    {
        var sid = settings.AccountSid ?? "demo";
        var request = new HttpRequestMessage(method, $"{settings.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(sid)}{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{settings.AuthToken}")));
        return request;
    }

    public Task SendAsync(IReadOnlyList<ReadyMessage> batch, SendResults results, CancellationToken ct) =>
        Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct }, (ready, token) => SendOneAsync(ready, results, token));

    private async ValueTask SendOneAsync(ReadyMessage ready, SendResults results, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Configured)
        {
            results.Transient(ready, "SMS is not configured: set Messaging:Sms:AccountSid and Messaging:Sms:AuthToken.");
            return;
        }

        if (E164.Normalise(ready.Message.Recipient, settings.DefaultRegion, out var reason) is not { } to)
        {
            results.Permanent(ready, reason!);
            return;
        }

        var sms = (RenderedSms)ready.Content;
        var form = new List<KeyValuePair<string, string>> { new("To", to), new("Body", sms.Body) };
        form.Add(settings.MessagingServiceSid is { Length: > 0 } service ? new("MessagingServiceSid", service) : new("From", settings.From ?? "Kizuna"));
        if (settings.DeliveryReceipts)
        {
            form.Add(new("StatusCallback", StatusCallbackUrl(messaging.Value.PublicUrl, ready.DeliveryId)));
        }

        using var request = AccountRequest(HttpMethod.Post, settings, "/Messages.json");
        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Add("Idempotency-Key", ready.DeliveryId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                results.Sent(ready);
                return;
            }

            var detail = $"{(int)response.StatusCode} {await ProblemAsync(response, timeout.Token)}";
            if (response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500)
            {
                results.Transient(ready, detail);
            }
            else
            {
                results.Permanent(ready, detail);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            results.Transient(ready, $"The SMS provider did not answer within {settings.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            results.Transient(ready, $"The SMS provider could not be reached: {e.HttpRequestError}.");
        }
    }

    /// <summary>Twilio's error body (<c>{"code": 21211, "message": "…"}</c>) as one line; the number is not in it.</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(text);
            var code = json.RootElement.TryGetProperty("code", out var c) ? c.ToString() : null;
            var message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
            return code is null ? message ?? response.ReasonPhrase ?? "refused" : $"(code {code}) {message}";
        }
        catch (JsonException)
        {
            return response.ReasonPhrase ?? "refused";
        }
    }
}
