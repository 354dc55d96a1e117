namespace Broadcart.Grains.Common;

/// <summary>
/// The lengths the server accepts for text a person types. The consoles' inputs carry the same
/// numbers as <c>maxlength</c> (ConsoleLimitsTests holds them to it), so a console never lets
/// someone type what the server then refuses.
/// </summary>
public static class InputLimits
{
    public const int RoomTitle = 120;
    public const int ProductTitle = 120;
    public const int ProductDescription = 4000;
    public const int Url = 2048;

    /// <summary>User, room, product and merchant ids: letters, digits, '.', '_' or '-'.</summary>
    public const int Identifier = 64;
    public const int DisplayName = 50;

    /// <summary>A BCP 47 language tag as rooms take it ('en', 'zh-HK').</summary>
    public const int Language = 8;
    public const int Region = 2;
    public const int Currency = 3;
    public const int LegalName = 200;
    public const int Reason = 500;

    /// <summary>A payout account's reference at its rail (an IBAN, an account id, an e-mail).</summary>
    public const int AccountRef = 200;

    /// <summary>A price typed in major units ("19.99"), before it is turned into minor units.</summary>
    public const int Amount = 16;
}
