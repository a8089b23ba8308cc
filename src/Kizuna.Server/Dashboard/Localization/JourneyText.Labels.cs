namespace Kizuna.Server.Dashboard.Localization;

public sealed partial record JourneyText
{
    public required string Journeys { get; init; }

    public required string JourneysIntro { get; init; }

    public required string NewJourney { get; init; }

    public required string AllStates { get; init; }

    public required string Name { get; init; }

    public required string State { get; init; }

    public required string Trigger { get; init; }

    public required string Entered { get; init; }

    public required string Active { get; init; }

    public required string Completed { get; init; }

    public required string Exited { get; init; }

    public required string Converted { get; init; }

    public required string Waiting { get; init; }

    public required string Passed { get; init; }

    public required string Actions { get; init; }

    public required string Launch { get; init; }

    public required string Pause { get; init; }

    public required string Resume { get; init; }

    public required string Archive { get; init; }

    public required string Edit { get; init; }

    public required string Simulate { get; init; }

    public required string NoJourneys { get; init; }

    public required string NotFound { get; init; }

    public required string Version { get; init; }

    public required string LiveVersion { get; init; }

    public required string Versions { get; init; }

    public required string SavedBy { get; init; }

    public required string SavedAt { get; init; }

    public required string Graph { get; init; }

    public required string GraphHint { get; init; }

    public required string Goal { get; init; }

    public required string NoGoal { get; init; }

    public required string GoalText { get; init; }

    public required string ConversionRate { get; init; }

    public required string SplitPaths { get; init; }

    public required string Path { get; init; }

    public required string Control { get; init; }

    public required string Uplift { get; init; }

    public required string CustomerEntries { get; init; }

    public required string CustomerEntriesHint { get; init; }

    public required string UserId { get; init; }

    public required string Show { get; init; }

    public required string NoEntries { get; init; }

    public required string NoCustomer { get; init; }

    public required string RecentEntries { get; init; }

    public required string EnteredAt { get; init; }

    public required string Customer { get; init; }

    public required string Node { get; init; }

    public required string Editor { get; init; }

    public required string EditorHint { get; init; }

    public required string StartFromTemplate { get; init; }

    public required string StartTemplate { get; init; }

    public required string BlankJourney { get; init; }

    public required string AddNode { get; init; }

    public required string EntrySettings { get; init; }

    public required string EntryKind { get; init; }

    public required string EventName { get; init; }

    public required string Where { get; init; }

    public required string Segment { get; init; }

    public required string ChooseSegment { get; init; }

    public required string ReEntry { get; init; }

    public required string GoalEvent { get; init; }

    public required string GoalWindow { get; init; }

    public required string StartNode { get; init; }

    public required string NodeSettings { get; init; }

    public required string NoNodeSelected { get; init; }

    public required string NodeId { get; init; }

    public required string NodeName { get; init; }

    public required string Channel { get; init; }

    public required string Template { get; init; }

    public required string ChooseTemplate { get; init; }

    public required string Duration { get; init; }

    public required string UntilTime { get; init; }

    public required string Weekdays { get; init; }

    public required string UntilTrait { get; init; }

    public required string OffsetDays { get; init; }

    public required string Anniversary { get; init; }

    public required string Match { get; init; }

    public required string Timeout { get; init; }

    public required string Condition { get; init; }

    public required string EntryWhere { get; init; }

    public required string Next { get; init; }

    public required string OnTimeout { get; init; }

    public required string Else { get; init; }

    public required string Paths { get; init; }

    public required string Weight { get; init; }

    public required string AddPath { get; init; }

    public required string RemoveNode { get; init; }

    public required string None { get; init; }

    public required string Validate { get; init; }

    public required string Save { get; init; }

    public required string SaveVersion { get; init; }

    public required string Valid { get; init; }

    public required string Saved { get; init; }

    public required string ErrorsTitle { get; init; }

    public required string Archived { get; init; }

    public required string Simulation { get; init; }

    public required string SimulationIntro { get; init; }

    public required string StoredCustomer { get; init; }

    public required string Hypothetical { get; init; }

    public required string Traits { get; init; }

    public required string TimeZone { get; init; }

    public required string Properties { get; init; }

    public required string StartAt { get; init; }

    public required string Horizon { get; init; }

    public required string LaterEvents { get; init; }

    public required string Run { get; init; }

    public required string Result { get; init; }

    public required string Outcome { get; init; }

    public required string At { get; init; }

    public required string Message { get; init; }

    public required string EndsAs { get; init; }

    public required string ConvertedAt { get; init; }

    public required string NotJson { get; init; }

    public required string StepLimit { get; init; }

    public required string ReadyMade { get; init; }

    public required string TraitsToSet { get; init; }

    public required string SubscriptionChanges { get; init; }

    public required string Method { get; init; }

    public required string Url { get; init; }

    public required string Headers { get; init; }

    public required string Body { get; init; }

    public required string TimeoutSeconds { get; init; }

    public required string Retries { get; init; }

    public required string OnFailure { get; init; }

    public required string Request { get; init; }

    public required string WouldSet { get; init; }
}
