using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kizuna.Campaigns;

/// <summary>How a <see cref="CampaignDefinition"/> is stored: web names, enums by snake-case name, nulls left out.</summary>
public static class CampaignJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write(CampaignDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static CampaignDefinition Read(string json) =>
        JsonSerializer.Deserialize<CampaignDefinition>(json, Options) ?? throw new InvalidDataException("A campaign's definition is empty.");
}
