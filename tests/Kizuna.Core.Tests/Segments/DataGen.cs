using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using static Kizuna.Segments.TreeGen;

namespace Kizuna.Segments;

/// <summary>
/// Random profiles as ingestion messages (traits of every JSON type, context, track and page events with nested
/// properties, orders, refunds), plus computed values and memberships written as other features write them.
/// </summary>
internal static class DataGen
{
    public sealed record Profile(string UserId, IReadOnlyList<IngestMessage> Messages, IReadOnlyList<(string Name, double? Number, string? Text)> Values, IReadOnlyList<long> Segments);

    public static Gen<List<Profile>> Profiles(int count) =>
        Gen.ListOf(ProfileGen, count).Select(list => list.Select((p, i) => p(i)).ToList());

    private static DateTimeOffset Now => DifferentialTests.Now;

    private static Gen<JsonNode?> Scalar => Gen.Frequency(
        (4, Gen.Elements(Strings).Select(s => (JsonNode?)JsonValue.Create(s))),
        (3, Gen.Elements(Numbers).Select(n => (JsonNode?)JsonValue.Create(n))),
        (1, Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b))),
        (3, DateText.Select(s => (JsonNode?)JsonValue.Create(s))),
        (1, Gen.Constant<JsonNode?>(null)),
        (2, Gen.ListOf(Gen.Elements(Strings), 2).Select(l => (JsonNode?)new JsonArray([.. l.Select(s => (JsonNode?)JsonValue.Create(s))]))));

    private static Gen<string> DateText => Gen.Frequency(
        (4, Gen.Choose(-400, 10).Select(d => Day(d))),
        (2, Gen.Choose(-12, 12).SelectMany(d => Gen.Choose(1960, 2005).Select(y => $"{y}-{Now.AddDays(d):MM-dd}"))),
        (1, Gen.Choose(-40, 5).Select(d => Now.AddDays(d).AddHours(d).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Elements("yesterday", "11/21/2026", "2026-1-5", "")));

    private static Gen<JsonObject> Json(string[] names) =>
        Gen.ListOf(Gen.Elements(names).SelectMany(n => Scalar.Select(v => (n, v))), 5).SelectMany(pairs =>
            Scalar.Select(nested =>
            {
                var obj = new JsonObject();
                foreach (var (name, value) in pairs.DistinctBy(p => p.n))
                {
                    var (top, inner) = name.Contains('.') ? (name.Split('.')[0], name.Split('.')[1]) : (name, null);
                    obj[top] = inner is null ? value?.DeepClone() : new JsonObject { [inner] = value?.DeepClone() };
                }

                return obj;
            }));

    private static Gen<Func<int, Profile>> ProfileGen =>
        from traits in Json(TraitNames)
        from context in Gen.Frequency((2, Gen.Constant<ProfileContext?>(null)), (1,
            from tz in Gen.Elements("Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "Bogus/Zone")
            from locale in Gen.Elements("ja-JP", "en-US")
            select (ProfileContext?)new ProfileContext(tz, locale, null, null, null)))
        from events in UpTo(Event, 8)
        from orders in UpTo(Order, 2)
        from values in Gen.ListOf(Gen.Elements(ValueNames).SelectMany(n => Gen.Frequency(
            (2, Gen.Elements(Strings).Select(s => (n, (double?)null, (string?)s))),
            (2, Gen.Elements(Numbers).Select(v => (n, (double?)(double)v, (string?)null))),
            (1, DateText.Select(s => (n, (double?)1, (string?)s))))), 3)
        from segments in Gen.SubListOf(1L, 2L, 3L)
        select (Func<int, Profile>)(i =>
        {
            var user = $"u{i}";
            var messages = new List<IngestMessage> { Identify(user, traits.ToJsonString(), Now.AddDays(-300)) with { Context = context } };
            messages.AddRange(events.Select(e => e(user)));
            messages.AddRange(orders.SelectMany((o, n) => o(user, $"{user}-o{n}")));
            return new Profile(user, messages, values.DistinctBy(v => v.n).ToList(), [.. segments]);
        });

    private static Gen<Func<string, IngestMessage>> Event =>
        from name in Gen.Elements([.. Events, "$page"])
        from daysAgo in Gen.Choose(-2, 150)
        from minutes in Gen.Choose(0, 1439)
        from properties in Json(PropertyPaths)
        select (Func<string, IngestMessage>)(user => Message(
            name == "$page" ? MessageType.Page : MessageType.Track, user, name == "$page" ? "Home" : name, Now.AddDays(-daysAgo).AddMinutes(-minutes)) with
        { PropertiesJson = properties.ToJsonString() });

    private static Gen<Func<string, string, IEnumerable<IngestMessage>>> Order =>
        from total in Gen.Elements(TreeGen.Money.Where(m => m > 0).ToArray())
        from daysAgo in Gen.Choose(0, 200)
        from lines in Gen.NonEmptyListOf(
            from product in Gen.Elements("p1", "p2", "p3")
            from sku in Gen.Elements("S1", "S2", "S3")
            from category in Gen.Elements("tea", "緑茶", "coffee")
            select new OrderLine(product, sku, product, category, 100, 1))
        from refund in Gen.Frequency((3, Gen.Constant<decimal?>(-1)), (1, Gen.Constant<decimal?>(null)), (1, Gen.Constant<decimal?>(100)))
        from refundAfter in Gen.Choose(0, 10)
        select (Func<string, string, IEnumerable<IngestMessage>>)((user, id) =>
        {
            var at = Now.AddDays(-daysAgo);
            var completed = Message(MessageType.Track, user, CommerceEvents.OrderCompleted, at) with
            {
                PropertiesJson = "{}",
                Order = new OrderEvent(OrderEventKind.Completed, id, total, "JPY", 0, 0, 0, null, [.. lines.Take(2)]),
            };
            var refundAt = at.AddDays(Math.Min(refundAfter, daysAgo));
            return refund == -1 ? [completed] :
            [
                completed,
                Message(MessageType.Track, user, CommerceEvents.OrderRefunded, refundAt) with
                {
                    PropertiesJson = "{}",
                    Order = new OrderEvent(OrderEventKind.Refunded, id, refund, "JPY", 0, 0, 0, null, []),
                },
            ];
        });

    private static Gen<List<T>> UpTo<T>(Gen<T> gen, int max) => Gen.Choose(0, max).SelectMany(n => Gen.ListOf(gen, n).Select(l => l.ToList()));

    private static IngestMessage Identify(string user, string traits, DateTimeOffset at) => Message(MessageType.Identify, user, null, at) with { TraitsJson = traits };

    private static IngestMessage Message(MessageType type, string user, string? name, DateTimeOffset at) => new()
    {
        Type = type,
        MessageId = Guid.NewGuid().ToString(),
        UserId = user,
        Name = name,
        Timestamp = at,
        ReceivedAt = at,
    };

    private static string Day(int offset) => Now.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
