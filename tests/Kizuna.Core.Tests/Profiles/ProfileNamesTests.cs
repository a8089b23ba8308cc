using System.Text.Json.Nodes;
using Kizuna.Templates.Customers;

namespace Kizuna.Profiles;

public sealed class ProfileNamesTests
{
    private static JsonObject Hanako => new() { ["firstName"] = "花子", ["lastName"] = "山田" };

    [Theory]
    [InlineData("ja-JP", "山田 花子")]
    [InlineData("ja", "山田 花子")]
    [InlineData("en-US", "花子 山田")]
    [InlineData(null, "花子 山田")]
    public void Display_FirstAndLastName_InTheOrderOfTheContextLocale(string? locale, string expected)
    {
        var context = new JsonObject { ["locale"] = locale };

        Assert.Equal(expected, ProfileNames.Display(Hanako, context, "hanako@example.jp", "u-1", 1));
    }

    [Fact]
    public void Display_LocaleOnlyAsTrait_FamilyNameFirst()
    {
        var traits = Hanako;
        traits["locale"] = "ja-JP";

        Assert.Equal("山田 花子", ProfileNames.Display(traits, null, null, null, 1));
    }

    [Fact]
    public void Display_NameTrait_WinsAsWritten()
    {
        var traits = Hanako;
        traits["name"] = "Hanako Y.";

        Assert.Equal("Hanako Y.", ProfileNames.Display(traits, new JsonObject { ["locale"] = "ja-JP" }, null, null, 1));
    }

    [Theory]
    [InlineData("hanako@example.jp", "u-1", "hanako@example.jp")]
    [InlineData(null, "u-1", "u-1")]
    [InlineData(null, null, "#42")]
    public void Display_NoName_FallsBackToEmailThenUserIdThenId(string? email, string? userId, string expected) =>
        Assert.Equal(expected, ProfileNames.Display(new JsonObject { ["plan"] = "gold" }, null, email, userId, 42));

    [Theory]
    [InlineData("ja-JP")]
    [InlineData("en-GB")]
    public void Display_FirstAndLastName_SameNameAsTemplatesCustomerName(string locale)
    {
        var context = new JsonObject { ["locale"] = locale };
        var profile = new Profile(7, 1, "u-jp", "hanako@example.jp", Hanako, context,
            new ProfileAggregates(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, 0, 0, 0, 0, null, null, null));

        var model = CustomerModel.From(profile, null, ProfileNames.LocaleOf(profile.Traits, profile.Context));

        Assert.Equal(profile.DisplayName, (string?)model["name"]);
    }
}
