using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Security;

public static class RateLimitingExtensions
{
    /// <summary>
    /// One limiter in front of every endpoint (so a new endpoint is covered without a line of its own): per key or
    /// signed-in user on <c>/api</c>, per write key on <c>/v1</c>, per client address on the in-app client API and on
    /// the sign-in and invitation forms. The password backoff itself is <see cref="SignInThrottle"/>, which sees the outcome of each attempt.
    /// </summary>
    public static IServiceCollection AddKizunaRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations()
            .Validate(o => new[] { o.ApiWindow, o.IngestionWindow, o.ClientWindow, o.SignInWindow, o.BaseDelay, o.MaxDelay, o.FailureMemory }.All(t => t > TimeSpan.Zero),
                "RateLimits: every window and delay must be longer than zero")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o => o.OnRejected = async (context, _) =>
            await new TooManyRequests(context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null).ExecuteAsync(context.HttpContext));
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, TimeProvider>((o, limits, time) =>
            o.GlobalLimiter = Partitioned(limits.Value, time));
        return services;
    }

    /// <summary>The client's address as the edge proxy saw it (forwarded headers are applied before this runs).</summary>
    public static string ClientAddress(this HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static PartitionedRateLimiter<HttpContext> Partitioned(RateLimitOptions o, TimeProvider time) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var path = http.Request.Path;
            if (path.StartsWithSegments("/v1"))
            {
                return Window($"v1 {IngestionCaller(http)}", o.IngestionPermits, o.IngestionWindow, time);
            }

            if (path.StartsWithSegments("/client/v1"))
            {
                return Window($"client {http.ClientAddress()}", o.ClientPermits, o.ClientWindow, time);
            }

            if (path.StartsWithSegments("/api"))
            {
                return Window($"api {ApiCaller(http)}", o.ApiPermits, o.ApiWindow, time);
            }

            return HttpMethods.IsPost(http.Request.Method) && (path.StartsWithSegments("/account/login") || path.StartsWithSegments("/account/invitations"))
                ? Window($"sign-in {http.ClientAddress()}", o.SignInPermits, o.SignInWindow, time)
                : RateLimitPartition.GetNoLimiter("");
        });

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window, TimeProvider time) =>
        RateLimitPartition.Get(key, _ => new TimeWindowLimiter(time, permits, window));

    // Authentication has run: a key counts as itself, a dashboard user as themself, anyone else by address.
    private static string ApiCaller(HttpContext http) =>
        http.User.UserIdOf() is { } userId ? $"user:{userId}"
        : http.User.Identity is { IsAuthenticated: true, Name: { } name } ? name
        : $"address:{http.ClientAddress()}";

    // Ingestion checks its key inside the endpoint; the limit goes by the key presented (a label of it, never the
    // key), or by address when the key travels in the body.
    private static string IngestionCaller(HttpContext http) =>
        ApiKeyAuthenticationHandler.PresentedKey(http.Request.Headers.Authorization.ToString()) is { } key
            ? $"key:{SignInThrottle.Label(key)}"
            : $"address:{http.ClientAddress()}";
}
