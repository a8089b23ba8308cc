using System.Text.Json;
using Kizuna.Work.Changes;

namespace Kizuna.Server.Work;

/// <summary>What the event archive wrote to a folder, read back the way a warehouse loader would.</summary>
internal static class ArchiveFolder
{
    /// <summary>How many times each messageId appears across every archive file (temporary files left by a kill are not files of the archive).</summary>
    public static Dictionary<string, int> CountMessageIds(string folder)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.ndjson", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var id = json.RootElement.GetProperty("messageId").GetString()!;
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts;
    }

    /// <summary>Waits until the archive consumer has handled every committed change and a live node holds its lease.</summary>
    public static async Task<ConsumerLag> WaitUntilCaughtUpAsync(ChangeFeed feed, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var lag = (await feed.LagAsync(ct)).SingleOrDefault(l => l.Consumer == "archive");
            if (lag is { Behind: 0, Owner: not null })
            {
                return lag;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMinutes(2), $"The archive did not catch up within two minutes: {lag}");
            await Task.Delay(100, ct);
        }
    }
}
