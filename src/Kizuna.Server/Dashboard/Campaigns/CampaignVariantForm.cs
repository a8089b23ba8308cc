namespace Kizuna.Server.Dashboard.Campaigns;

/// <summary>One variant as the editor holds it: a template chosen from the channel's list (0 until chosen) and its split.</summary>
public sealed class CampaignVariantForm
{
    public string Name { get; set; } = "A";

    public long TemplateId { get; set; }

    public int? TemplateVersion { get; set; }

    public int Percent { get; set; } = 100;

    /// <summary>The next free letter for a new variant: A, B, C…</summary>
    public static string NameAt(int index) => ((char)('A' + index)).ToString();
}
