using BenchmarkDotNet.Running;
using Kizuna.Bench.Analytics;
using Kizuna.Bench.Campaigns;
using Kizuna.Bench.Feed;
using Kizuna.Bench.Ingest;
using Kizuna.Bench.Jobs;
using Kizuna.Bench.Journeys;
using Kizuna.Bench.Messaging;
using Kizuna.Bench.Scores;
using Kizuna.Bench.Segments;
using Kizuna.Bench.SegmentsLive;
using Kizuna.Bench.Templates;

// One verb per workload of docs/BENCHMARKS.md; the rest of the arguments go to the workload.
var verb = args.Length > 0 ? args[0] : string.Empty;
var rest = args.Length > 0 ? args[1..] : [];

switch (verb)
{
    case "ingest":
        return await IngestBenchmark.RunAsync(IngestOptions.Parse(rest));
    case "jobs":
        return await JobsBenchmark.RunAsync(JobsOptions.Parse(rest));
    case "feed":
        return await FeedBenchmark.RunAsync(IngestOptions.Parse(rest));
    case "analytics":
        return await AnalyticsBenchmark.RunAsync(AnalyticsOptions.Parse(rest));
    case "segments":
        return await SegmentsBenchmark.RunAsync(SegmentsOptions.Parse(rest));
    case "email":
        return await EmailBenchmark.RunAsync(EmailBenchOptions.Parse(rest));
    case "scores":
        return await ScoresBenchmark.RunAsync(rest);
    case "segments-live":
        return await SegmentsLiveBenchmark.RunAsync(IngestOptions.Parse(rest));
    case "campaigns":
        return await CampaignBenchmark.RunAsync(CampaignBenchOptions.Parse(rest));
    case "journeys":
        return await JourneyBenchmark.RunAsync(JourneyBenchOptions.Parse(rest));
    case "templates":
        BenchmarkRunner.Run<TemplateRenderingBenchmarks>(args: rest);
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Kizuna.Bench -- <workload> [options]");
        Console.Error.WriteLine("  ingest     W1: batched ingestion over HTTP against the raw insert rate of the same rows");
        Console.Error.WriteLine("  jobs       W6: job queue enqueue + claim + complete, batched, against a bare insert/update/delete of the same rows");
        Console.Error.WriteLine("  feed       W1 with the event archive reading the change feed against without, and the archive's lag");
        Console.Error.WriteLine("  analytics  W7: the analytics on Online Retail against pandas and DuckDB; dashboard reads on a synthetic store");
        Console.Error.WriteLine("  segments   W3: full recompute of ten segments over generated profiles, against the same questions on DuckDB");
        Console.Error.WriteLine("  email      W4: a personalised email through the outbox to postfix's smtp-sink, against a bare MailKit blast");
        Console.Error.WriteLine("  scores     W7 scores: the per-customer scores refresh on a synthetic SQLite shop (--customers N, ten orders each)");
        Console.Error.WriteLine("  segments-live  W3 real time: W1 with real-time membership on against off, and ack → Segment Entered");
        Console.Error.WriteLine("  campaigns  W4c: W4's email as a campaign by server processes, paused, resumed and cancelled mid-send, counted per recipient");
        Console.Error.WriteLine("  journeys   W5: live journeys triggered by events (ack → outbox row), and a million entries waiting on timers (lateness, steps/s)");
        Console.Error.WriteLine("  templates  W2: template rendering, Kizuna against bare Fluid and DotLiquid (BenchmarkDotNet args follow)");
        return verb.Length == 0 ? 0 : 2;
}
