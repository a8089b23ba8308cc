using Kizuna.Commerce;

namespace Kizuna.Demo;

/// <summary>The demo shop: a Japanese/English lifestyle store, priced in yen.</summary>
internal static class DemoCatalog
{
    public const string Currency = "JPY";

    public static readonly IReadOnlyList<Product> Products =
    [
        P("TEA-001", "Uji Sencha 100 g (宇治煎茶)", "Tea", 1_620),
        P("TEA-002", "Ceremonial Matcha 30 g (抹茶)", "Tea", 3_240),
        P("TEA-003", "Hojicha Roasted Green Tea 100 g (ほうじ茶)", "Tea", 1_080),
        P("TEA-004", "Genmaicha with Toasted Rice 200 g (玄米茶)", "Tea", 980),
        P("TEA-005", "Gyokuro Shade-Grown Tea 50 g (玉露)", "Tea", 4_320),
        P("TEA-006", "Kabusecha 100 g (かぶせ茶)", "Tea", 2_160),
        P("TEA-007", "Wakoucha Japanese Black Tea 60 g (和紅茶)", "Tea", 1_890),
        P("TEA-008", "Sakura Sencha Spring Blend 80 g", "Tea", 1_728),
        P("TEA-009", "Yuzu Green Tea Bags ×20", "Tea", 864),
        P("TEA-010", "Cold Brew Mizudashi Sencha ×15", "Tea", 1_296),
        P("TWR-001", "Tokoname Kyusu Teapot 300 ml (常滑焼急須)", "Teaware", 8_800),
        P("TWR-002", "Nambu Cast Iron Kettle 1.2 L (南部鉄器)", "Teaware", 19_800),
        P("TWR-003", "Bamboo Matcha Whisk (茶筅)", "Teaware", 2_750),
        P("TWR-004", "Matcha Bowl, Hagi Glaze (萩焼茶碗)", "Teaware", 6_600),
        P("TWR-005", "Glass Tea Server 500 ml", "Teaware", 3_300),
        P("TWR-006", "Tea Canister, Sakura Bark (樺細工茶筒)", "Teaware", 11_000),
        P("TWR-007", "Bamboo Tea Scoop (茶杓)", "Teaware", 880),
        P("TWR-008", "Yunomi Tea Cups, Set of 2", "Teaware", 4_180),
        P("CER-001", "Hasami Porcelain Plate 22 cm (波佐見焼)", "Ceramics", 2_640),
        P("CER-002", "Mino Rice Bowl, Indigo (美濃焼)", "Ceramics", 1_980),
        P("CER-003", "Mashiko Mug, Ash Glaze (益子焼)", "Ceramics", 3_520),
        P("CER-004", "Arita Sake Set for Two (有田焼)", "Ceramics", 7_700),
        P("CER-005", "Kutani Small Dish, Peony (九谷焼)", "Ceramics", 2_200),
        P("CER-006", "Shigaraki Flower Vase (信楽焼)", "Ceramics", 9_900),
        P("CER-007", "Soba Choko Cups, Set of 5", "Ceramics", 5_500),
        P("CER-008", "Chopstick Rests, Seasonal Set of 5", "Ceramics", 1_650),
        P("KIT-001", "Hinoki Cutting Board (檜まな板)", "Kitchen", 6_380),
        P("KIT-002", "Santoku Knife 165 mm, Sakai (堺打刃物)", "Kitchen", 16_500),
        P("KIT-003", "Lacquered Chopsticks, Pair (若狭塗箸)", "Kitchen", 2_420),
        P("KIT-004", "Cedar Bento Box (曲げわっぱ弁当箱)", "Kitchen", 7_480),
        P("KIT-005", "Suribachi Mortar and Pestle", "Kitchen", 3_850),
        P("KIT-006", "Donabe Clay Rice Pot, 2 Go (土鍋)", "Kitchen", 8_250),
        P("KIT-007", "Copper Tamagoyaki Pan", "Kitchen", 9_680),
        P("KIT-008", "Furoshiki Wrapping Cloth, Wave", "Kitchen", 1_980),
        P("APP-001", "Indigo Noragi Jacket (藍染野良着)", "Apparel", 24_200),
        P("APP-002", "Linen Samue Set", "Apparel", 15_400),
        P("APP-003", "Cotton Tenugui Towel, Mount Fuji", "Apparel", 1_320),
        P("APP-004", "Sashiko Tote Bag", "Apparel", 5_940),
        P("APP-005", "Tabi Socks, Charcoal", "Apparel", 1_100),
        P("APP-006", "Wool Haori Cardigan", "Apparel", 18_700),
        P("APP-007", "Yukata Summer Robe, Asagao (浴衣)", "Apparel", 13_200),
        P("APP-008", "Canvas Apron, Kurashiki (倉敷帆布)", "Apparel", 6_820),
        P("HOM-001", "Hinoki Bath Stool", "Home", 12_100),
        P("HOM-002", "Incense Sticks, Kyoto Sandalwood (お香)", "Home", 1_540),
        P("HOM-003", "Washi Paper Lantern", "Home", 8_580),
        P("HOM-004", "Buckwheat Hull Pillow (そば殻枕)", "Home", 4_950),
        P("HOM-005", "Noren Door Curtain, Asanoha", "Home", 5_280),
        P("HOM-006", "Ikebana Kenzan Frog", "Home", 2_970),
        P("HOM-007", "Tatami Coaster Set of 4", "Home", 1_430),
        P("HOM-008", "Kokeshi Doll, Naruko (こけし)", "Home", 6_160),
        P("STA-001", "Washi Notebook A5", "Stationery", 1_210),
        P("STA-002", "Fountain Pen, Urushi Finish", "Stationery", 22_000),
        P("STA-003", "Calligraphy Brush Set (書道筆)", "Stationery", 3_630),
        P("STA-004", "Seasonal Postcards, Set of 12", "Stationery", 990),
        P("STA-005", "Hanko Stamp with Case", "Stationery", 4_400),
        P("BTH-001", "Yuzu Bath Salts 300 g", "Bath", 1_650),
        P("BTH-002", "Camellia Hair Oil (椿油)", "Bath", 2_310),
        P("BTH-003", "Konjac Face Sponge", "Bath", 770),
        P("BTH-004", "Hinoki Essential Oil 10 ml", "Bath", 2_860),
        P("BTH-005", "Charcoal Soap, Kishu Binchotan", "Bath", 1_320),
    ];

    private static Product P(string id, string name, string category, decimal price) =>
        new(id, id, name, category, price, Currency, null, $"https://shop.kizuna.example/products/{id.ToLowerInvariant()}");
}
