using System.Globalization;
using System.Text.Json;
using Kizuna.Messaging.Channels;
using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Suppressions;
using Kizuna.Messaging.Tracking;
using Kizuna.Templates;
using Kizuna.Work.Jobs;

namespace Kizuna.Messaging.Outbox;

/// <summary>
/// Sends a claimed batch of outbox messages on one channel, part by part (<see cref="MessagingOptions.SendPartSize"/>):
/// load and check, render, mark the part <c>sending</c>, hand it to the adapter, record <c>Email Sent</c> (or the channel's event) on
/// each profile, list hard-bounced addresses, then mark each message by its outcome; the next part is prepared while one
/// is on the wire. A crash between a mark and its outcomes leaves that one part in <c>sending</c>; the batch's jobs come
/// back when their leases run out and the part is sent again with the same delivery ids. Messages already sent are
/// skipped, so nothing before or after that part is ever sent twice.
/// </summary>
public sealed class OutboxSender(
    OutboxStore store,
    MessageTemplates templates,
    IEnumerable<ISendCheck> checks,
    ITemplateDataSource profiles,
    MessageLinkSigner links,
    SentEvents events,
    BounceRecorder bounces,
    IEnumerable<IContentFilter> filters,
    OutboxMetrics metrics,
    Microsoft.Extensions.Options.IOptions<MessagingOptions> options,
    TimeProvider time)
{
    private readonly ISendCheck[] _checks = [.. checks];
    private readonly IContentFilter[] _filters = [.. filters];

    public async Task SendAsync(IMessageComposer composer, IChannelAdapter adapter, IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        var byMessage = new Dictionary<long, ClaimedJob>();
        foreach (var job in jobs)
        {
            if (OutboxJobs.MessageId(job) is { } id)
            {
                byMessage[id] = job;
            }
            else
            {
                outcomes.GiveUp(job, "The job names no message.");
            }
        }

        // The batch goes in parts: the next part is loaded, checked and rendered while the part before is on the wire,
        // and each part is marked only once the one before has its outcomes, so at most one part is ever in doubt.
        // The checks of a part see what the parts before it let through (one set of decisions for the whole batch).
        var parts = byMessage.Keys.Chunk(options.Value.SendPartSize).ToList();
        var decisions = new SendDecisions();
        var next = parts.Count > 0 ? PrepareAsync(composer, parts[0], decisions, byMessage, outcomes, ct) : null;
        try
        {
            for (var p = 0; p < parts.Count; p++)
            {
                var ready = await next!;
                next = p + 1 < parts.Count ? PrepareAsync(composer, parts[p + 1], decisions, byMessage, outcomes, ct) : null;
                if (ready.Count > 0)
                {
                    await HandOverAsync(composer, adapter, ready, byMessage, outcomes, ct);
                }
            }
        }
        finally
        {
            if (next is not null)
            {
                // A part prepared while the one before failed: nothing of it was marked; its jobs go back with the batch's.
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Loads a part's messages and runs the checks: those suppressed or deferred, those whose render fails and those
    /// gone from the outbox end here, and the rest come back rendered, ready to mark and send.
    /// </summary>
    private async Task<List<ReadyMessage>> PrepareAsync(
        IMessageComposer composer, long[] ids, SendDecisions decisions, Dictionary<long, ClaimedJob> byMessage, JobOutcomes outcomes, CancellationToken ct)
    {
        var phase = metrics.Start();
        var loaded = await store.LoadForSendAsync(ids, ct);
        foreach (var missing in ids.Except(loaded.Select(m => m.Id)))
        {
            outcomes.GiveUp(byMessage[missing], $"Message {missing} is not in the outbox.");
        }

        var pending = loaded.Where(m => !OutboxStates.IsDone(m.State)).ToList();
        foreach (var check in _checks)
        {
            var undecided = pending.Where(m => decisions.For(m.Id) is null).ToList();
            if (undecided.Count > 0)
            {
                await check.CheckAsync(undecided, decisions, ct);
            }
        }

        var transitions = new List<OutboxTransition>();
        var later = new List<NewJob>();
        var allowed = new List<OutboxMessage>();
        foreach (var message in pending)
        {
            switch (decisions.For(message.Id))
            {
                case { Verdict: SendVerdict.Suppress } suppress:
                    transitions.Add(new OutboxTransition(message, OutboxState.Suppressed, suppress.Reason));
                    break;
                case { Verdict: SendVerdict.Defer, Until: var until } defer:
                    transitions.Add(new OutboxTransition(message, OutboxState.Deferred, defer.Reason, until));
                    later.Add(OutboxJobs.For(message.WorkspaceId, message.Id, message.Channel, until));
                    break;
                default:
                    allowed.Add(message);
                    break;
            }
        }

        decisions.Allow(allowed);
        metrics.Phase(composer.Channel, "load", phase);
        var (failed, ready) = await RenderAsync(composer, allowed, byMessage, outcomes, ct);
        transitions.AddRange(failed);
        await store.ApplyAsync(transitions, later, ct);
        metrics.Finished(composer.Channel, transitions.Count);
        return ready;
    }

    /// <summary>A part's messages rendered on every core (Liquid and the text part are most of a send's CPU), and those that end here.</summary>
    private async Task<(List<OutboxTransition> Failed, List<ReadyMessage> Ready)> RenderAsync(
        IMessageComposer composer, List<OutboxMessage> part, Dictionary<long, ClaimedJob> byMessage, JobOutcomes outcomes, CancellationToken ct)
    {
        var started = metrics.Start();
        var failed = new List<OutboxTransition>();
        var ready = new List<ReadyMessage>();
        var models = await ModelsAsync(part, ct);
        await Parallel.ForEachAsync(part, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, async (message, token) =>
        {
            var (transition, composed) = await ComposeAsync(composer, message, models.GetValueOrDefault(message.Id), byMessage[message.Id], outcomes, token);
            lock (ready)
            {
                if (transition is not null)
                {
                    failed.Add(transition);
                }

                if (composed is not null)
                {
                    ready.Add(composed);
                }
            }
        });

        metrics.Phase(composer.Channel, "render", started);
        return (failed, ready);
    }

    /// <summary>Marks a part <c>sending</c>, hands it to the channel and writes what came of each message.</summary>
    private async Task HandOverAsync(
        IMessageComposer composer, IChannelAdapter adapter, List<ReadyMessage> ready, Dictionary<long, ClaimedJob> byMessage, JobOutcomes outcomes, CancellationToken ct)
    {
        // The one durable mark of the part in doubt: a crash from here until the outcomes are written resends it.
        var phase = metrics.Start();
        var marked = await store.MarkSendingAsync([.. ready.Select(r => r.Message)], ct);
        ready.RemoveAll(r => !marked.Contains(r.Message.Id));
        phase = metrics.Phase(composer.Channel, "mark", phase);
        // A message is sent when its hand-over begins: the outcomes are written only after the whole part, and a
        // customer who reads, clicks and buys meanwhile must find the message already sent (conversions go by it).
        var handOverAt = time.GetUtcNow();
        var results = new SendResults();
        var handedOver = false;
        try
        {
            await adapter.SendAsync(ready, results, ct);
            handedOver = true;
        }
        finally
        {
            // What the channel answered is kept even when the hand-over was cut short (a stop, a lost lease, an
            // error): only the messages it gave no answer for then stay in doubt, to go again with the same
            // delivery ids. After a whole hand-over a message without an answer is a transient failure.
            phase = metrics.Phase(composer.Channel, "send", phase);
            var known = handedOver ? ready : ready.Where(results.Answered).ToList();
            await events.RecordSentAsync(composer.Channel, [.. known.Where(r => results.For(r).Status == SendStatus.Sent)], CancellationToken.None);
            await bounces.RecordAsync([.. known.Select(r => (r, results.For(r)))], CancellationToken.None);
            await store.ApplyAsync([.. known.Select(r => Outcome(r, results.For(r), byMessage[r.Message.Id], outcomes, handOverAt))], [], CancellationToken.None);
            metrics.Phase(composer.Channel, "outcomes", phase);
            metrics.Finished(composer.Channel, known.Count);
        }
    }

    /// <summary>The message ready to send, or the transition that ends it here (a template gone, a render error, an abort).</summary>
    private async Task<(OutboxTransition? Transition, ReadyMessage? Ready)> ComposeAsync(
        IMessageComposer composer, OutboxMessage message, TemplateModel? customer, ClaimedJob job, JobOutcomes outcomes, CancellationToken ct)
    {
        if (await templates.FindAsync(composer, message.WorkspaceId, message.TemplateId, message.TemplateVersion, ct) is not { } template)
        {
            outcomes.GiveUp(job, "The message's template is gone.");
            return (new OutboxTransition(message, OutboxState.Failed, $"Template {message.TemplateId} version {message.TemplateVersion} is not a {MessageChannels.Name(composer.Channel)} template of this workspace."), null);
        }

        var messageLinks = await links.ForAsync(message, ct);
        var model = (await ModelAsync(message, customer, ct)).WithLinks(messageLinks);
        var options = new TemplateRenderOptions { WorkspaceId = message.WorkspaceId.ToString(CultureInfo.InvariantCulture), Links = messageLinks };
        var rendered = await composer.RenderAsync(template, model, options, ct);
        if (rendered.AbortReason is { } abort)
        {
            return (new OutboxTransition(message, OutboxState.Suppressed, $"The template aborted the message: {abort}"), null);
        }

        if (rendered.Content is not { } content)
        {
            outcomes.GiveUp(job, "The message's template does not render.");
            return (new OutboxTransition(message, OutboxState.Failed, rendered.Errors.Count > 0 ? rendered.Errors[0].ToString() : "The template rendered nothing."), null);
        }

        foreach (var filter in _filters)
        {
            content = await filter.ApplyAsync(message, content, ct);
        }

        return (null, new ReadyMessage(message, content, composer.DeliveryId(message), messageLinks));
    }

    /// <summary>
    /// The customers' models of a part, read together (a few queries for the part rather than several per message),
    /// by message id. Each model goes to one message only, since rendering adds the message's own data and links to
    /// it: a second message to the same profile in the part, and a profile the batch read left out, are read alone.
    /// </summary>
    private async Task<Dictionary<long, TemplateModel>> ModelsAsync(List<OutboxMessage> part, CancellationToken ct)
    {
        var models = new Dictionary<long, TemplateModel>();
        foreach (var workspace in part.Where(m => m.ProfileId > 0).GroupBy(m => m.WorkspaceId))
        {
            var byProfile = await profiles.GetModelsAsync(workspace.Key, [.. workspace.Select(m => m.ProfileId).Distinct()], ct);
            foreach (var first in workspace.DistinctBy(m => m.ProfileId))
            {
                if (byProfile.TryGetValue(first.ProfileId, out var model))
                {
                    models[first.Id] = model;
                }
            }
        }

        return models;
    }

    /// <summary>The customer's model (<c>customer</c>, <c>order</c>, their zone and locale) with the message's <c>data</c>.</summary>
    private async Task<TemplateModel> ModelAsync(OutboxMessage message, TemplateModel? customer, CancellationToken ct)
    {
        var model = customer
            ?? (message.ProfileId > 0
                ? await profiles.GetModelAsync(message.WorkspaceId.ToString(CultureInfo.InvariantCulture), message.ProfileId.ToString(CultureInfo.InvariantCulture), ct)
                : null)
            ?? new TemplateModel();
        if (message.Data is { } data)
        {
            using var document = JsonDocument.Parse(data);
            model.Set("data", document.RootElement.Clone());
        }

        return model;
    }

    private static OutboxTransition Outcome(ReadyMessage ready, SendResult result, ClaimedJob job, JobOutcomes outcomes, DateTimeOffset handOverAt)
    {
        // The job's error names no recipient (a reply often quotes the address): the reply itself stays on the
        // message, whose history erasure clears.
        switch (result.Status)
        {
            case SendStatus.Sent:
                return new OutboxTransition(ready.Message, OutboxState.Sent, Attempted: true, SentAt: handOverAt);
            case SendStatus.Permanent:
                outcomes.GiveUp(job, $"Message {ready.Message.Id} was refused by the channel; its history has the reply.");
                return new OutboxTransition(ready.Message, OutboxState.Failed, result.Detail, Attempted: true);
            default:
                outcomes.Fail(job, $"Message {ready.Message.Id} could not be sent; its history has the reason.");
                return job.IsLastAttempt
                    ? new OutboxTransition(ready.Message, OutboxState.Dead, result.Detail, Attempted: true)
                    : new OutboxTransition(ready.Message, OutboxState.Deferred, result.Detail, Attempted: true);
        }
    }
}
