using Kizuna.Work.ProfileData;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Commerce;

public static class CommerceServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaCommerce(this IServiceCollection services)
    {
        services.AddSingleton<ProductCatalog>();
        services.AddProfileData(
            new ProfileTable("orders")
            {
                Export = new ExportColumns
                {
                    Times = ["placed_at", "updated_at"],
                    Money = ["total", "refunded_amount", "discount", "shipping", "tax"],
                    OrderBy = ["placed_at", "order_id"],
                },
            },
            ProfileTable.Through("order_lines", parent: "orders", key: "order_id") with
            {
                Export = new ExportColumns { Money = ["price"], OrderBy = ["order_id", "line_no"] },
            },
            new ProfileTable("profile_spend")
            {
                OnMerge = MergeRule.AddUp(key: ["currency"], sum: ["order_count", "total_spent"], min: ["first_order_at"], max: ["last_order_at"]),
                Export = new ExportColumns { Money = ["total_spent"], Times = ["first_order_at", "last_order_at"] },
            });
        return services;
    }
}
