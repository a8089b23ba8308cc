<<<<<<< HEAD
using Kizuna.Bench.Ingest;

switch (args.FirstOrDefault())
{
    case "ingest":
        return await IngestBenchmark.RunAsync(IngestOptions.Parse(args[1..]));
    default:
        Console.WriteLine("Kizuna benchmarks (docs/BENCHMARKS.md). Usage: Kizuna.Bench <workload> [options]");
        Console.WriteLine("  ingest    W1: batched ingestion over HTTP against the raw insert rate of the same rows");
        return args.Length == 0 ? 0 : 2;
=======
using BenchmarkDotNet.Running;
using Kizuna.Bench.Templates;

// One verb per workload of docs/BENCHMARKS.md; the rest of the arguments go to BenchmarkDotNet.
var verb = args.Length > 0 ? args[0] : string.Empty;
var rest = args.Length > 0 ? args[1..] : [];

switch (verb)
{
    case "templates":
        BenchmarkRunner.Run<TemplateRenderingBenchmarks>(args: rest);
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Kizuna.Bench -- <verb> [BenchmarkDotNet args]");
        Console.Error.WriteLine("verbs: templates");
        return 2;
>>>>>>> templates
}
