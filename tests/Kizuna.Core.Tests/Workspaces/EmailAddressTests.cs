namespace Kizuna.Workspaces;

/// <summary>The one address rule the invitation API and the users page share.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ana@example.test")]
    [InlineData("ana.o+news@mail.example.test")]
    public void IsValid_OneMailbox_IsTaken(string email) => Assert.True(EmailAddress.IsValid(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("Ana <ana@example.test>")]
    [InlineData(" ana@example.test")]
    public void IsValid_NoBareAddress_IsRefused(string? email) => Assert.False(EmailAddress.IsValid(email));

    [Fact]
    public void IsValid_LongerThanSmtpCarries_IsRefused()
    {
        var atLimit = new string('a', EmailAddress.MaxLength - "@example.test".Length) + "@example.test";

        Assert.True(EmailAddress.IsValid(atLimit));
        Assert.False(EmailAddress.IsValid("a" + atLimit));
    }
}
