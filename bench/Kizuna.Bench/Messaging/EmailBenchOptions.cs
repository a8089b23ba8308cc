using System.Globalization;

namespace Kizuna.Bench.Messaging;

/// <summary>
/// W4's options: <c>--messages N --pool N --batch N --part N --warmup N</c> (<c>--part</c>: <c>Messaging:SendPartSize</c>). The warm-up's messages go through the outbox
/// first, untimed, so the timed ones run on jitted, tiered code and compiled templates, as the raw blast does. 40,000
/// of them: after 4,000 the runtime was still compiling (the JIT took a tenth of the process's samples in the timed
/// window, tiered PGO's instrumented code a share more), which the raw blast, run afterwards, never pays.
/// </summary>
public sealed record EmailBenchOptions(int Messages = 100_000, int Pool = 8, int Batch = 500, int Part = 100, int Warmup = 40_000)
{
    public static EmailBenchOptions Parse(string[] args)
    {
        var options = new EmailBenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--messages" => options with { Messages = value },
                "--pool" => options with { Pool = value },
                "--batch" => options with { Batch = value },
                "--part" => options with { Part = value },
                "--warmup" => options with { Warmup = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }
}
