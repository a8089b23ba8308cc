namespace Kizuna.Demo;

/// <summary>One demo customer: who they are and how keen a shopper they will be.</summary>
internal sealed record DemoPersona(
    int Index,
    string UserId,
    string Email,
    string FirstName,
    string LastName,
    string DisplayName,
    string Gender,
    DateOnly Birthday,
    string City,
    string Country,
    string Locale,
    string Timezone,
    DateTimeOffset CreatedAt,
    int Sessions,
    double BuyRate);
