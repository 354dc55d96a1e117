using System.Security.Cryptography;
using System.Text;

namespace Broadcart.Grains.Payouts;

public static class PayoutIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>
    /// Derived from creator and idempotency key: a retry names the same payout, so the ledger (which
    /// takes a payout id once) and the rail (which gets the id as its idempotency key) see one payout
    /// however often the request is repeated, also after a crash between their writes.
    /// </summary>
    public static string For(string creatorId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{creatorId}\u001f{idempotencyKey}"));
        var id = new StringBuilder("p", 27);
        for (var i = 0; i < 26; i++)
        {
            var bit = i * 5;
            var value = ((hash[bit / 8] << 8) | hash[(bit / 8) + 1]) >> (11 - (bit % 8)) & 31;
            id.Append(Alphabet[value]);
        }

        return id.ToString();
    }
}
