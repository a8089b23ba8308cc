namespace Kizuna.Server;

/// <summary>Removing a stopped server's data folder.</summary>
public static class TestFolders
{
    /// <summary>
    /// SQLite creates and removes a database's -wal and -shm files as connections open and close, and the last one of
    /// a stopped server can still be closing while the folder is emptied ("directory not empty"): try again rather
    /// than fail a test over its clean-up.
    /// </summary>
    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(100);
            }
        }
    }
}
