namespace Kizuna.Server.Cli;

/// <summary>What <c>kizuna</c> tells a script through its exit code (docs/cli.md lists them).</summary>
public static class ExitCodes
{
    /// <summary>Done as asked; for <c>serve</c> and <c>demo</c>, the server stopped normally.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The work failed: configuration refused (an unknown <c>Storage:Provider</c>), the address taken, the database
    /// unreachable, or an import that stored nothing because every line was bad.
    /// </summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown verb or option, a value of the wrong type, a missing file); nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>An import finished and stored what it could, but some lines were bad; the report lists them.</summary>
    public const int ImportHadBadLines = 3;
}
