using Kizuna.Imports;

namespace Kizuna.Server.Dashboard.Imports;

public sealed class ImportMappingDraftTests
{
    private static readonly string[] OnlineRetail = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

    [Fact]
    public void ToJson_OnlineRetailHeader_GuessesEveryRequiredOrderField()
    {
        var draft = new ImportMappingDraft();
        draft.Load(OnlineRetail);
        draft.Currency = "GBP";
        draft.TimestampFormat = "yyyy-MM-dd HH:mm:ss";
        draft.NumericIds = true;

        var mapping = ImportMappingParser.Parse(draft.ToJson());

        Assert.Equal(ImportKind.Orders, mapping.Kind);
        Assert.Equal("InvoiceNo", mapping.Column(ImportFields.OrderId));
        Assert.Equal("CustomerID", mapping.Column(ImportFields.UserId));
        Assert.Equal("StockCode", mapping.Column(ImportFields.ProductId));
        Assert.Equal("Description", mapping.Column(ImportFields.Name));
        Assert.Equal("UnitPrice", mapping.Column(ImportFields.Price));
        Assert.Equal("InvoiceDate", mapping.Column(ImportFields.Timestamp));
        Assert.Equal("GBP", mapping.Currency);
        Assert.True(mapping.NumericIds);
        Assert.Empty(mapping.Traits);
    }

    [Fact]
    public void ToJson_CustomersWithOtherColumns_KeepsThemAsSnakeCaseTraits()
    {
        var draft = new ImportMappingDraft();
        draft.Load(["Customer ID", "E-mail Address", "First Name", "loyaltyTier", "都道府県"]);
        draft.ChangeKind(ImportKind.Customers);
        draft.Delimiter = ';';

        var mapping = ImportMappingParser.Parse(draft.ToJson());

        Assert.Equal("Customer ID", mapping.Column(ImportFields.UserId));
        Assert.Equal("E-mail Address", mapping.Column(ImportFields.Email));
        Assert.Equal(new Dictionary<string, string> { ["first_name"] = "First Name", ["loyalty_tier"] = "loyaltyTier", ["都道府県"] = "都道府県" }, mapping.Traits);
        Assert.Equal(';', mapping.Delimiter);
    }

    [Fact]
    public void ToJson_EventsWithFixedName_PutsOtherColumnsInProperties()
    {
        var draft = new ImportMappingDraft();
        draft.Load(["user_id", "time", "Coupon Code"]);
        draft.ChangeKind(ImportKind.Events);
        draft.Event = "Coupon Redeemed";
        draft.Delimiter = '\t';

        var mapping = ImportMappingParser.Parse(draft.ToJson());

        Assert.Equal("Coupon Redeemed", mapping.Event);
        Assert.Equal("time", mapping.Column(ImportFields.Timestamp));
        Assert.Equal("Coupon Code", Assert.Single(mapping.Properties).Value);
        Assert.Equal('\t', mapping.Delimiter);
    }

    [Fact]
    public void Load_TwoColumnsNamingOneField_MapsOnlyTheFirst()
    {
        var draft = new ImportMappingDraft();
        draft.Load(["Email", "email_address", ""]);
        draft.ChangeKind(ImportKind.Customers);

        Assert.Equal(new ColumnTarget(ColumnTargetKind.Field, ImportFields.Email), draft.Targets[0]);
        Assert.Equal(ColumnTarget.Trait, draft.Targets[1]);
        Assert.Equal(ColumnTarget.Skip, draft.Targets[2]);
    }

    [Fact]
    public void ToJson_RequiredColumnSkipped_ParserNamesTheField()
    {
        var draft = new ImportMappingDraft();
        draft.Load(OnlineRetail);
        draft.Targets[Array.IndexOf(OnlineRetail, "CustomerID")] = ColumnTarget.Parse("skip");

        var refused = Assert.Throws<ImportMappingException>(() => ImportMappingParser.Parse(draft.ToJson()));

        Assert.Equal("columns.user_id", refused.Field);
    }

    [Theory]
    [InlineData("field:email", ColumnTargetKind.Field, "email")]
    [InlineData("trait", ColumnTargetKind.Trait, null)]
    [InlineData("property", ColumnTargetKind.Property, null)]
    [InlineData("field:", ColumnTargetKind.Skip, null)]
    [InlineData(null, ColumnTargetKind.Skip, null)]
    public void Parse_SelectValue_RoundTrips(string? value, ColumnTargetKind kind, string? field)
    {
        var target = ColumnTarget.Parse(value);

        Assert.Equal(new ColumnTarget(kind, field), target);
        Assert.Equal(target, ColumnTarget.Parse(target.Value));
    }
}
