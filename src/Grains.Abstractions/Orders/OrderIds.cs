using System.Security.Cryptography;
using System.Text;

namespace Broadcart.Grains.Orders;

public static class OrderIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>
    /// The order id is derived from buyer and idempotency key, so that a retry lands on the same
    /// order grain wherever it is sent from.
    /// </summary>
    public static string For(string buyerId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{buyerId}\u001f{idempotencyKey}"));
        var id = new StringBuilder("o", 27);
        for (var i = 0; i < 26; i++)
        {
            // 26 characters of 5 bits: the first 130 bits of the hash.
            var bit = i * 5;
            var value = ((hash[bit / 8] << 8) | hash[(bit / 8) + 1]) >> (11 - (bit % 8)) & 31;
            id.Append(Alphabet[value]);
        }

        return id.ToString();
    }
}
