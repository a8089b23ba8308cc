namespace Kizuna.Demo;

/// <summary>Name pools: Japanese names in kanji with their romaji (for e-mail addresses), English names, and home cities.</summary>
internal static class DemoNames
{
    public static readonly (string Kanji, string Romaji)[] JapaneseFamily =
    [
        ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito"), ("渡辺", "watanabe"),
        ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi"), ("加藤", "kato"), ("吉田", "yoshida"), ("山田", "yamada"),
        ("佐々木", "sasaki"), ("山口", "yamaguchi"), ("松本", "matsumoto"), ("井上", "inoue"), ("木村", "kimura"), ("林", "hayashi"),
        ("斎藤", "saito"), ("清水", "shimizu"), ("山崎", "yamazaki"), ("森", "mori"), ("池田", "ikeda"), ("橋本", "hashimoto"),
    ];

    public static readonly (string Kanji, string Romaji)[] JapaneseFemale =
    [
        ("美咲", "misaki"), ("陽菜", "hina"), ("結衣", "yui"), ("さくら", "sakura"), ("葵", "aoi"), ("凛", "rin"), ("花子", "hanako"),
        ("由美", "yumi"), ("恵子", "keiko"), ("真由美", "mayumi"), ("彩", "aya"), ("千尋", "chihiro"), ("優子", "yuko"), ("舞", "mai"),
    ];

    public static readonly (string Kanji, string Romaji)[] JapaneseMale =
    [
        ("翔太", "shota"), ("大輔", "daisuke"), ("健太", "kenta"), ("拓也", "takuya"), ("蓮", "ren"), ("悠真", "yuma"), ("太郎", "taro"),
        ("誠", "makoto"), ("浩二", "koji"), ("直樹", "naoki"), ("亮", "ryo"), ("和也", "kazuya"), ("隆", "takashi"), ("湊", "minato"),
    ];

    public static readonly string[] EnglishFamily =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright", "Robinson", "Thompson",
        "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Clarke", "Miller", "Davis", "Garcia", "Anderson",
    ];

    public static readonly string[] EnglishFemale =
    [
        "Olivia", "Amelia", "Isla", "Emily", "Grace", "Sophie", "Charlotte", "Hannah", "Emma", "Chloe", "Lucy", "Megan", "Ava", "Ruby",
    ];

    public static readonly string[] EnglishMale =
    [
        "Oliver", "George", "Harry", "Jack", "Noah", "James", "William", "Thomas", "Daniel", "Samuel", "Ethan", "Lucas", "Henry", "Ryan",
    ];

    public static readonly string[] JapaneseCities = ["東京", "大阪", "京都", "横浜", "名古屋", "札幌", "福岡", "神戸", "仙台", "金沢"];

    public static readonly string[] BritishCities = ["London", "Manchester", "Edinburgh", "Bristol", "Leeds", "Brighton", "Oxford"];

    public static readonly string[] AmericanCities = ["New York", "Boston", "San Francisco", "Seattle", "Chicago", "Portland", "Austin"];
}
