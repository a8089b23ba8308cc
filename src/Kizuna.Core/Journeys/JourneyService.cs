using Kizuna.Journeys.Engine;
using Kizuna.Journeys.Model;
using Kizuna.Journeys.Storage;
using Kizuna.Messaging.Consent;
using Kizuna.Segments;
using Kizuna.Segments.Definitions;
using Kizuna.Templates;
using Kizuna.Templates.Store;
using Kizuna.Work.Jobs;

namespace Kizuna.Journeys;

/// <summary>
/// Journeys as users change them: every save is validated against the workspace's templates and segments and makes
/// a new version; going live, pausing, resuming and archiving move the head row and the engine's state with it.
/// </summary>
public sealed class JourneyService(
    JourneyStore journeys, EntryStore entries, SegmentStore segments, TemplateStore templates, SubscriptionGroupStore groups, TemplateService liquid,
    JourneyCatalog catalog, JobQueue jobs, JourneyAudienceScheduler audiences, TimeProvider time)
{
    /// <summary>Every reason the name or definition cannot be saved, naming the field and the node; empty when it can.</summary>
    public async Task<IReadOnlyList<JourneyError>> ValidateAsync(long workspaceId, string? name, JourneyDefinition? definition, CancellationToken ct)
    {
        var errors = new List<JourneyError>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > JourneyStore.MaxNameLength)
        {
            errors.Add(new("name", null, $"A journey needs a name of 1 to {JourneyStore.MaxNameLength} characters."));
        }

        errors.AddRange(JourneyValidator.Validate(definition, await ReferencesAsync(workspaceId, ct)));
        return errors;
    }

    public async Task<JourneySaveResult> CreateAsync(long workspaceId, string name, JourneyDefinition definition, string author, CancellationToken ct)
    {
        if (await ValidateAsync(workspaceId, name, definition, ct) is { Count: > 0 } errors)
        {
            return new(null, errors);
        }

        return new(await journeys.CreateAsync(workspaceId, name.Trim(), definition, author, ct), []);
    }

    /// <summary>Saves a new version; entries in flight finish on theirs, and a live journey's new entries take it at once.</summary>
    public async Task<JourneySaveResult> UpdateAsync(long workspaceId, long id, string name, JourneyDefinition definition, string author, CancellationToken ct)
    {
        if (await journeys.FindAsync(workspaceId, id, ct) is not { } journey)
        {
            return new(null, [], NotFound: true);
        }

        if (journey.State == JourneyStates.Archived)
        {
            return new(null, [], Conflict: "An archived journey cannot be changed.");
        }

        if (await ValidateAsync(workspaceId, name, definition, ct) is { Count: > 0 } errors)
        {
            return new(null, errors);
        }

        var saved = await journeys.SaveVersionAsync(workspaceId, id, name.Trim(), definition, author, ct);
        catalog.Invalidate();
        await audiences.ScheduleAsync(workspaceId, id, launching: false, ct);
        return saved is null ? new(null, [], Conflict: "An archived journey cannot be changed.") : new(saved, []);
    }

    /// <summary>Starts a draft: from now its trigger enters customers (an audience entry's first occurrence is queued).</summary>
    public async Task<JourneySaveResult> LaunchAsync(long workspaceId, long id, CancellationToken ct)
    {
        var result = await MoveAsync(workspaceId, id, [JourneyStates.Draft], JourneyStates.Live, "Only a draft can be launched; resume a paused journey.", ct);
        if (result.Journey is not null)
        {
            await audiences.ScheduleAsync(workspaceId, id, launching: true, ct);
        }

        return result;
    }

    /// <summary>Nobody enters and entries hold where they are until resumed; exits and conversions still count.</summary>
    public Task<JourneySaveResult> PauseAsync(long workspaceId, long id, CancellationToken ct) =>
        MoveAsync(workspaceId, id, [JourneyStates.Live], JourneyStates.Paused, "Only a live journey can be paused.", ct);

    /// <summary>Live again: the waiting entries' timers are set again (those due during the pause fire at once).</summary>
    public async Task<JourneySaveResult> ResumeAsync(long workspaceId, long id, CancellationToken ct)
    {
        var result = await MoveAsync(workspaceId, id, [JourneyStates.Paused], JourneyStates.Live, "Only a paused journey can be resumed.", ct);
        if (result.Journey is not { } journey)
        {
            return result;
        }

        await audiences.ScheduleAsync(workspaceId, id, launching: false, ct);
        var now = time.GetUtcNow();
        for (var after = 0L; ;)
        {
            var page = await entries.WaitingAsync(workspaceId, id, after, 1_000, ct);
            if (page.Count == 0)
            {
                break;
            }

            await jobs.EnqueueManyAsync([.. page.Where(e => e.WaitUntil is not null).Select(e =>
                new JourneyTimer(e.Id, e.Seq).ToJob(workspaceId, id, e.Version, journey.Resumes, e.WaitUntil!.Value < now ? now : e.WaitUntil.Value))], ct);
            after = page[^1].Id;
        }

        return result;
    }

    /// <summary>Ends the journey: open entries exit, their timers are dropped, and its queued messages are suppressed when sent.</summary>
    public async Task<JourneySaveResult> ArchiveAsync(long workspaceId, long id, CancellationToken ct)
    {
        var result = await MoveAsync(workspaceId, id, [JourneyStates.Draft, JourneyStates.Live, JourneyStates.Paused], JourneyStates.Archived, "The journey is archived already.", ct);
        if (result.Journey is { } journey)
        {
            await entries.ExitAllAsync(workspaceId, id, "archived", time.GetUtcNow(), ct);
            for (var v = 1; v <= journey.Version; v++)
            {
                await jobs.CancelGroupAsync(CompiledJourney.GroupOf(id, v), ct);
            }

            await jobs.CancelGroupAsync(JourneyAudienceJob.Group(id), ct);
        }

        return result;
    }

    private async Task<JourneySaveResult> MoveAsync(long workspaceId, long id, IReadOnlyList<string> from, string to, string refusal, CancellationToken ct)
    {
        if (await journeys.FindAsync(workspaceId, id, ct) is null)
        {
            return new(null, [], NotFound: true);
        }

        if (!await journeys.MoveAsync(workspaceId, id, from, to, ct))
        {
            return new(null, [], Conflict: refusal);
        }

        catalog.Invalidate();
        return new(await journeys.FindAsync(workspaceId, id, ct), []);
    }

    private async Task<JourneyReferences> ReferencesAsync(long workspaceId, CancellationToken ct)
    {
        var templateList = await templates.ListAsync(workspaceId, TemplateKind.Template, ct);
        var active = (await segments.ListAsync(workspaceId, includeArchived: false, ct)).ToDictionary(s => s.Id);
        var conditions = new Dictionary<long, Condition?>();
        var groupKeys = (await groups.ListAsync(workspaceId, ct)).Where(g => !g.Archived).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return new JourneyReferences(
            templateList.ToDictionary(t => t.Id),
            id => conditions.TryGetValue(id, out var c) ? c
                : conditions[id] = active.TryGetValue(id, out var s) ? SegmentDefinition.FromJson(s.Definition).Condition : null,
            groupKeys,
            text => liquid.Validate(text).Errors is [var first, ..] ? $"{first.Line}:{first.Column}: {first.Message}" : null);
    }
}
