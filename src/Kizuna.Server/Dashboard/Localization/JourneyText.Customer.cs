using Kizuna.Journeys;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>The labels of the customer page's journeys card.</summary>
public sealed partial record JourneyText
{
    public string CustomerJourneys => this == En ? "Journeys" : "ジャーニー";

    public string NoCustomerJourneys => this == En ? "This customer has not entered any journey." : "この顧客はまだどのジャーニーにも入っていません。";

    public string WaitsUntil => this == En ? "waits until" : "待機終了";

    public string EntryStateName(string state) => (this == En, state) switch
    {
        (true, _) => state,
        (false, JourneyEntry.Active) => "進行中",
        (false, JourneyEntry.Waiting) => "待機中",
        (false, JourneyEntry.Completed) => "完了",
        (false, JourneyEntry.Exited) => "離脱",
        _ => state,
    };
}
