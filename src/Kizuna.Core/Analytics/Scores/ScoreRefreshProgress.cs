namespace Kizuna.Analytics.Scores;

/// <summary>How far a refresh is: step <paramref name="Step"/> of <paramref name="Steps"/>, named by <paramref name="Stage"/>.</summary>
public sealed record ScoreRefreshProgress(string Stage, int Step, int Steps);
