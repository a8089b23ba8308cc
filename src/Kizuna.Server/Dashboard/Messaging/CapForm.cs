namespace Kizuna.Server.Dashboard.Messaging;

/// <summary>One frequency cap as the settings page edits it.</summary>
public sealed class CapForm
{
    public string Channel { get; set; } = "email";

    public int Limit { get; set; } = 3;

    public string Window { get; set; } = "P7D";

    public string Action { get; set; } = "skip";
}
