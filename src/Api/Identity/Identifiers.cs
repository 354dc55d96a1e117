using System.Text.RegularExpressions;
using Broadcart.Grains.Common;

namespace Broadcart.Api.Identity;

/// <summary>The shape of user ids, room ids and other opaque ids the API accepts.</summary>
public static partial class Identifiers
{
    public static bool IsValid(string? id) => id is { Length: > 0 and <= InputLimits.Identifier } && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Pattern();
}
