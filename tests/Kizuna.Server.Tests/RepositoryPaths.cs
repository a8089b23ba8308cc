namespace Kizuna.Server;

/// <summary>Where the repository and its outside tools are, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ClientsFolder => Path.Combine(Root, "tests", "clients");

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Kizuna.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Kizuna.slnx was not found above the test assembly.");
    }
}
