namespace Kizuna.Analytics.OnlineRetail;

/// <summary>The test classes that share one import of the Online Retail file.</summary>
[CollectionDefinition(Name)]
public sealed class OnlineRetailCollection : ICollectionFixture<OnlineRetailFixture>
{
    public const string Name = "Online Retail";
}
