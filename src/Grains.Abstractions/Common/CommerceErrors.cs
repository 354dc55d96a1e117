namespace Broadcart.Grains.Common;

/// <summary>Refusal codes of the commerce features.</summary>
public static class CommerceErrors
{
    public const string SoldOut = "sold_out";
    public const string LimitExceeded = "limit_exceeded";
    public const string NotAvailableInRegion = "not_available_in_region";
    public const string IdempotencyMismatch = "idempotency_mismatch";
    public const string InsufficientStock = "insufficient_stock";
    public const string SaleInProgress = "sale_in_progress";
    public const string AlreadyPaid = "already_paid";
    public const string NotPaid = "not_paid";
    public const string InvalidSignature = "invalid_signature";
    public const string BudgetExhausted = "budget_exhausted";
    public const string BidTooLow = "bid_too_low";
    public const string AuctionEnded = "auction_ended";
    public const string AuctionInProgress = "auction_in_progress";
}
