using Kizuna.Messaging.Channels.Push;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.ChannelChecks;

/// <summary>
/// Checks the push settings the way a send starts: reads the service account and exchanges a freshly signed assertion
/// for an access token at its token URI. Nothing is sent to a device. A failure is reported, never thrown.
/// </summary>
public sealed class PushConnectionTest(AccessTokens tokens, IOptions<PushOptions> options)
{
    public async Task<ConnectionTestResult> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var endpoint = new Uri(settings.Endpoint);
        ConnectionTestResult Result(bool ok, string detail) => new(ok, endpoint.Host, endpoint.Port, endpoint.Scheme, detail, []);
        if (settings.UseCatcher)
        {
            return Result(true, "Push goes to the demo catcher; no service account is needed.");
        }

        if (ServiceAccount.From(settings, out var problem) is not { } account)
        {
            return Result(false, problem!);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            // A cached token proves nothing about the settings as they are now.
            tokens.Invalidate();
            await tokens.GetAsync(timeout.Token);
            return Result(true, $"Signed in as {account.ClientEmail} for project {settings.ProjectId ?? account.ProjectId}.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Result(false, $"No answer within {settings.Timeout.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is PushAuthException or HttpRequestException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            // A key that does not parse says so in its message; none of these carry a secret.
            return Result(false, e.Message);
        }
    }
}
