namespace Kizuna.Demo;

/// <summary>
/// Makes demo customers: about half Japanese (kanji names, Tokyo time, ja-JP), half British or American. Most
/// are casual visitors who buy once or never; a loyal few come back every few weeks.
/// </summary>
internal static class DemoPeople
{
    public static DemoPersona Create(Random rng, int index, DateTimeOffset now)
    {
        var female = rng.NextDouble() < 0.55;
        // Within the past year, leaving room for a first visit up to ten days before signing up.
        var createdAt = now.AddDays(-rng.Next(1, 355)).AddMinutes(-rng.Next(0, 1440));
        var birthday = DateOnly.FromDateTime(now.UtcDateTime).AddYears(-rng.Next(19, 72)).AddDays(-rng.Next(0, 365));
        var (sessions, buyRate) = rng.NextDouble() switch
        {
            < 0.50 => (rng.Next(1, 4), 0.08),
            < 0.85 => (rng.Next(3, 9), 0.2),
            < 0.97 => (rng.Next(8, 21), 0.3),
            _ => (rng.Next(20, 46), 0.45),
        };
        var userId = $"cus_{index + 1:D5}";
        if (rng.NextDouble() < 0.5)
        {
            var family = Pick(rng, DemoNames.JapaneseFamily);
            var given = Pick(rng, female ? DemoNames.JapaneseFemale : DemoNames.JapaneseMale);
            return new DemoPersona(
                index, userId, $"{given.Romaji}.{family.Romaji}{index + 1}@example.jp", given.Kanji, family.Kanji, $"{family.Kanji} {given.Kanji}",
                female ? "female" : "male", birthday, Pick(rng, DemoNames.JapaneseCities), "JP", "ja-JP", "Asia/Tokyo", createdAt, sessions, buyRate);
        }

        var first = Pick(rng, female ? DemoNames.EnglishFemale : DemoNames.EnglishMale);
        var last = Pick(rng, DemoNames.EnglishFamily);
        var british = rng.NextDouble() < 0.5;
        return new DemoPersona(
            index, userId, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{index + 1}@example.com", first, last, $"{first} {last}",
            female ? "female" : "male", birthday,
            Pick(rng, british ? DemoNames.BritishCities : DemoNames.AmericanCities), british ? "GB" : "US",
            british ? "en-GB" : "en-US", british ? "Europe/London" : "America/New_York", createdAt, sessions, buyRate);
    }

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
