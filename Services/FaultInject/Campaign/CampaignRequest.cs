using CosmosHybrid.Services.Abi;

namespace CosmosHybrid.Services.FaultInject.Campaign;

/// <summary>
/// The short call `faultinject SERVICE N SEED` makes to the `faultinject` port: tag
/// <see cref="Tag"/>, Word0 the number of faults, Word1 the seed, Word2 and Word3 the service's
/// name (up to 16 ASCII bytes, little-endian). The reply (same tag) carries the faults injected in
/// Word0 and the times the service did not come back in Word1; another tag is a refusal.
/// </summary>
public static class CampaignRequest
{
    public const string PortName = "faultinject";
    public const ulong Tag = 0x6361_6D70;   // "camp"
    public const ulong RefusedTag = 0;
    public const int MaxNameLength = 16;

    public static bool TryEncode(string service, long faults, ulong seed, out ShortMessage message)
    {
        message = default;
        if (service.Length == 0 || service.Length > MaxNameLength || faults < 1)
            return false;
        ulong low = 0, high = 0;
        for (int i = 0; i < service.Length; i++)
        {
            char c = service[i];
            if (c <= ' ' || c > '~')
                return false;
            if (i < 8)
                low |= (ulong)c << (8 * i);
            else
                high |= (ulong)c << (8 * (i - 8));
        }
        message = new ShortMessage(Tag, (ulong)faults, seed, low, high);
        return true;
    }

    public static string DecodeName(ShortMessage message)
    {
        var text = new char[MaxNameLength];
        int length = 0;
        for (int i = 0; i < MaxNameLength; i++)
        {
            ulong word = i < 8 ? message.Word2 : message.Word3;
            var c = (char)((word >> (8 * (i & 7))) & 0xFF);
            if (c == 0)
                break;
            text[length++] = c;
        }
        return new string(text, 0, length);
    }

    /// <summary>The seed of fault <paramref name="index"/> of a campaign: one FaultInject call with it replays that fault.</summary>
    public static ulong FaultSeed(ulong campaignSeed, int index) => campaignSeed * 1_000_003UL + (ulong)index;
}
