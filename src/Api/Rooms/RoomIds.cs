using System.Security.Cryptography;
using Broadcart.Api.Identity;
using Broadcart.Grains.Common;

namespace Broadcart.Api.Rooms;

public static class RoomIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>Short, unguessable, URL-safe: 'r' and 12 characters of Crockford base32 (60 bits).</summary>
    public static string New() => "r" + RandomNumberGenerator.GetString(Alphabet, 12);

    public static string Validate(string? roomId) => Identifiers.IsValid(roomId)
        ? roomId!
        : throw new BroadcartException(ErrorCodes.ValidationFailed, "roomId must be 1 to 64 letters, digits, '.', '_' or '-'");
}
