namespace Broadcart.Grains.Common;

/// <summary>Refusal codes of the creator economy (docs/protocol.md lists them with their statuses).</summary>
public static class CreatorErrors
{
    public const string NotVerified = "not_verified";
    public const string NotEnoughFollowers = "not_enough_followers";
    public const string NothingToPay = "nothing_to_pay";
    public const string NoPayoutMethod = "no_payout_method";
}
