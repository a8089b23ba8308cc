using Kizuna.Bench.Ingest;

switch (args.FirstOrDefault())
{
    case "ingest":
        return await IngestBenchmark.RunAsync(IngestOptions.Parse(args[1..]));
    default:
        Console.WriteLine("Kizuna benchmarks (docs/BENCHMARKS.md). Usage: Kizuna.Bench <workload> [options]");
        Console.WriteLine("  ingest    W1: batched ingestion over HTTP against the raw insert rate of the same rows");
        return args.Length == 0 ? 0 : 2;
}
