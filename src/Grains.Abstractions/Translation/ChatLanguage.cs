using System.Text.RegularExpressions;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Translation;

/// <summary>
/// Languages as chat translation uses them: a BCP 47 tag (<c>en</c>, <c>es-MX</c>, <c>zh-Hans</c>)
/// is accepted, and translated by its primary subtag, because translators work per language, not
/// per regional variant.
/// </summary>
public static partial class ChatLanguage
{
    public const int MaxLength = 35;

    /// <summary>The primary subtag of a valid tag, lower-cased; null for anything else.</summary>
    public static string? Primary(string? tag) =>
        tag is { Length: > 0 and <= MaxLength } && Tag().IsMatch(tag) ? tag.Split('-')[0].ToLowerInvariant() : null;

    /// <summary>The primary subtag of <paramref name="tag"/>, or <c>validation_failed</c>.</summary>
    public static string Validate(string? tag) =>
        Primary(tag) ?? throw new BroadcartException(ErrorCodes.ValidationFailed, "language must be a BCP 47 tag such as en, es or zh-Hans");

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
