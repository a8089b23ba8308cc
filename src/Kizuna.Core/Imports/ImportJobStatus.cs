namespace Kizuna.Imports;

/// <summary>Where an import job is: waiting for the runner, running, or finished one way or the other.</summary>
public enum ImportJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
