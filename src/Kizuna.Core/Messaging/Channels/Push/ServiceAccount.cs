using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kizuna.Messaging.Channels.Push;

/// <summary>The fields of a Google service account's JSON key that FCM's OAuth2 flow uses.</summary>
public sealed record ServiceAccount(
    [property: JsonPropertyName("project_id")] string? ProjectId,
    [property: JsonPropertyName("private_key")] string PrivateKey,
    [property: JsonPropertyName("client_email")] string ClientEmail,
    [property: JsonPropertyName("token_uri")] string? TokenUri)
{
    /// <summary>The account of the settings, or null with the reason when they hold none that can sign.</summary>
    public static ServiceAccount? From(PushOptions options, out string? problem)
    {
        problem = null;
        string json;
        if (options.ServiceAccountJson is { Length: > 0 } text)
        {
            json = text;
        }
        else if (options.ServiceAccountPath is { Length: > 0 } path && File.Exists(path))
        {
            json = File.ReadAllText(path);
        }
        else
        {
            problem = "Messaging:Push:ServiceAccountPath or Messaging:Push:ServiceAccountJson is required.";
            return null;
        }

        try
        {
            var account = JsonSerializer.Deserialize<ServiceAccount>(json);
            if (account is { PrivateKey.Length: > 0, ClientEmail.Length: > 0 })
            {
                return account;
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        problem = "The service account key is not JSON with private_key and client_email.";
        return null;
    }
}
