using Kizuna.Storage;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Segments;

public sealed class TraitConditionTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task StringOperators_MatchOnBothEvaluators(string engine)
    {
        await using var world = await SegmentWorld.CreateAsync(engine);
        await world.WriteAsync(
            Identify("jp", null, """{"country":"JP","name":"山田 太郎","plan":"gold"}"""),
            Identify("us", null, """{"country":"US","name":"Jane Roe","plan":"silver"}"""),
            Identify("num", null, """{"country":81,"name":null}"""),
            Identify("none", null, "{}"));

        Assert.Equal(["jp"], await world.MembersAsync("""trait.country = "JP" """));
        Assert.Equal(["none", "num", "us"], await world.MembersAsync("""trait.country != "JP" """));
        Assert.Equal(["jp", "us"], await world.MembersAsync("""trait.country in ["JP", "US"]"""));
        Assert.Equal(["jp"], await world.MembersAsync("""trait.name contains "山田" """));
        Assert.Equal(["us"], await world.MembersAsync("""trait.name starts with "Jane" """));
        Assert.Equal(["jp", "num", "us"], await world.MembersAsync("trait.country exists"));
        Assert.Equal(["none", "num"], await world.MembersAsync("trait.name is not set"));
        Assert.Equal(["jp", "us"], await world.MembersAsync("""profile.country in ["JP", "US"]"""));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task NumberBooleanAndListOperators_MatchOnBothEvaluators(string engine)
    {
        await using var world = await SegmentWorld.CreateAsync(engine);
        await world.WriteAsync(
            Identify("a", null, """{"age":34,"vip":true,"tags":["tea","sale"],"address":{"city":"京都"}}"""),
            Identify("b", null, """{"age":19.5,"vip":false,"tags":["coffee"]}"""),
            Identify("c", null, """{"age":"34","vip":"true","tags":"tea"}"""));

        Assert.Equal(["a"], await world.MembersAsync("trait.age >= 20"));
        Assert.Equal(["a", "b"], await world.MembersAsync("trait.age between 19.5 and 34"));
        Assert.Equal(["b", "c"], await world.MembersAsync("trait.age != 34"));
        Assert.Equal(["a"], await world.MembersAsync("trait.vip = true"));
        Assert.Equal(["a"], await world.MembersAsync("""trait.tags:list contains "tea" """));
        Assert.Equal(["a", "b"], await world.MembersAsync("""trait.tags:list in ["sale", "coffee"]"""));
        Assert.Equal(["a"], await world.MembersAsync("""trait.address.city = "京都" """));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DateOperators_CountDaysFromTheClock(string engine)
    {
        await using var world = await SegmentWorld.CreateAsync(engine);
        await world.WriteAsync(
            Identify("old", null, """{"signed_up":"2026-01-15T10:00:00Z","birthday":"1990-11-23"}"""),
            Identify("new", null, """{"signed_up":"2026-11-18","birthday":"1985-12-25"}"""),
            Identify("bad", null, """{"signed_up":"yesterday","birthday":"11/21"}"""));

        Assert.Equal(["old"], await world.MembersAsync("trait.signed_up more than 30 days ago"));
        Assert.Equal(["new"], await world.MembersAsync("trait.signed_up less than 30 days ago"));
        Assert.Equal(["old"], await world.MembersAsync("trait.signed_up before 2026-02-01"));
        Assert.Equal(["new"], await world.MembersAsync("trait.signed_up = 2026-11-18"));
        Assert.Equal(["new", "old"], await world.MembersAsync("trait.signed_up between 2026-01-15 and 2026-11-18"));
        Assert.Equal(["old"], await world.MembersAsync("trait.birthday anniversary within 7 days"));
    }
}
