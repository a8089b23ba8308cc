using System.Diagnostics;
using System.Net;
using Kizuna.Profiles;

namespace Kizuna.Server.Ingestion;

/// <summary>
/// The official Segment and RudderStack Node.js clients, changed only in the host they send to, deliver
/// identify, track, page and alias calls that land on the right profile (tests/clients/send.mjs).
/// </summary>
public sealed class OfficialClientsTests
{
    [Theory]
    [InlineData("segment")]
    [InlineData("rudder")]
    public async Task NodeClient_IdentifyTrackPageAlias_LandOnOneMergedProfile(string client)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = RepositoryPaths.FindOnPath("node");
        if (node is null)
        {
            Assert.Skip("node is not on PATH");
        }

        if (!Directory.Exists(Path.Combine(RepositoryPaths.ClientsFolder, "node_modules")))
        {
            Assert.Skip("tests/clients/node_modules is missing: run npm ci in tests/clients");
        }

        await using var app = new KizunaApplication();
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var workspace = await app.CreateWorkspaceAsync(ct);
        var writeKey = await app.CreateWriteKeyAsync(workspace.Id, ct);
        var prefix = $"c{Guid.NewGuid():N}";

        var (exitCode, output) = await RunAsync(node, ["send.mjs", app.ServerAddress.ToString().TrimEnd('/'), writeKey, prefix, client], ct);

        Assert.True(exitCode == 0, $"send.mjs failed ({exitCode}):\n{output}");
        var profiles = app.Service<ProfileService>();
        var id = $"{prefix}-{client}";
        var detail = await profiles.FindAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, $"{id}-new"), ct);
        Assert.NotNull(detail);
        Assert.Equal(detail.Profile.Id, await profiles.ResolveAsync(workspace.Id, new ProfileLookup(ProfileLookupKind.UserId, $"{id}-old"), ct));
        Assert.Equal("gold", detail.Profile.Traits["plan"]?.GetValue<string>());
        Assert.Equal($"{id}@example.test", detail.Profile.Email);
        Assert.Equal(1, detail.EventCounts.Single(c => c.Name == "Product Viewed").Count);
        Assert.Equal(1, detail.EventCounts.Single(c => c.Name == "$page").Count);
        Assert.Equal(1, detail.Profile.Aggregates.PageViews);
        Assert.Contains(new ProfileIdentity("user", $"{id}-old"), detail.Identities);
        Assert.Contains(new ProfileIdentity("user", $"{id}-new"), detail.Identities);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryPaths.ClientsFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
