namespace Kizuna.Server.Cli;

/// <summary>The closing line of <c>kizuna import</c>, matching its exit code.</summary>
internal static class ImportVerdict
{
    /// <summary>
    /// Console markup for an import that ended with <paramref name="exitCode"/>. Lines without a customer id are
    /// skipped by rule, not imported, so the line never claims them.
    /// </summary>
    public static string Markup(int exitCode, long skippedWithoutCustomer) => (exitCode, skippedWithoutCustomer) switch
    {
        (ExitCodes.Failure, _) => "[red]Nothing was imported: every line was bad.[/]",
        (ExitCodes.ImportHadBadLines, 0) => "[yellow]The bad lines above were not imported; every other line was.[/]",
        (ExitCodes.ImportHadBadLines, var skipped) =>
            $"[yellow]Not imported: the bad lines above and {skipped:N0} without a customer id.[/]",
        (_, 0) => "[green]Every line was imported.[/]",
        (_, var skipped) => $"[green]Every line with a customer id was imported; {skipped:N0} without one skipped.[/]",
    };
}
