namespace Kizuna.Messaging;

public sealed class MessageSourcesTests
{
    [Fact]
    public void CampaignOf_OnlyTheFormCampaignsWrite_NamesACampaign()
    {
        Assert.Equal((12L, 3), MessageSources.CampaignOf(MessageSources.Campaign(12, 3)));
        Assert.Null(MessageSources.CampaignOf("campaign:1"));   // a label of the caller's, not a campaign of this server
        Assert.Null(MessageSources.CampaignOf("campaign:1:recipient:7"));
        Assert.Null(MessageSources.CampaignOf("campaign:x:variant:0"));
        Assert.Null(MessageSources.CampaignOf(MessageSources.Api));
    }
}
