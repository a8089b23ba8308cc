using System.Buffers.Binary;
using System.IO.Hashing;

namespace Kizuna.Campaigns;

/// <summary>
/// Which group a customer falls in, stable per campaign and customer (so a recurring campaign's control stays the
/// same people and a re-run of a snapshot chunk assigns the same way): the control, a variant by its split, or — when
/// an A/B test holds the rest back — waiting for the winner. Three independent hashes of (campaign, customer, purpose)
/// in 0–9,999 decide control, test membership and variant, so the shares are exact to a hundredth of a percent.
/// </summary>
public static class CampaignSplit
{
    public const int Control = -1;
    public const int Held = -2;

    public static int Assign(long campaignId, long profileId, CampaignDefinition d)
    {
        if (Bucket(campaignId, profileId, 1) < d.ControlPercent * 100)
        {
            return Control;
        }

        if (d.Test is { TestPercent: < 100 } test && Bucket(campaignId, profileId, 2) >= test.TestPercent * 100)
        {
            return Held;
        }

        var point = Bucket(campaignId, profileId, 3);
        var upTo = 0;
        for (var i = 0; i < d.Variants.Count; i++)
        {
            upTo += d.Variants[i].Percent * 100;
            if (point < upTo)
            {
                return i;
            }
        }

        return d.Variants.Count - 1;
    }

    private static int Bucket(long campaignId, long profileId, byte purpose)
    {
        Span<byte> bytes = stackalloc byte[17];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, campaignId);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], profileId);
        bytes[16] = purpose;
        return (int)(XxHash64.HashToUInt64(bytes) % 10_000);
    }
}
