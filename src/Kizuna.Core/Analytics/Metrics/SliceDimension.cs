namespace Kizuna.Analytics.Metrics;

/// <summary>What purchases are sliced by.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SliceDimension>))]
public enum SliceDimension
{
    /// <summary>A trait's value (gender, country, plan…), named by the slice's trait.</summary>
    Trait,

    /// <summary>Age band at the period's end, from an <c>age</c> trait or else a <c>birthday</c> (YYYY-MM-DD) trait.</summary>
    AgeBand,

    /// <summary>The product id of the order lines.</summary>
    Product,

    /// <summary>The category of the order lines.</summary>
    Category,
}
