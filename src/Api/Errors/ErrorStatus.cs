using Broadcart.Grains.Common;

namespace Broadcart.Api.Errors;

/// <summary>The HTTP status each protocol error code travels with, and the code for a bare status.</summary>
public static class ErrorStatus
{
    public static int ForCode(string code) => code switch
    {
        ErrorCodes.ValidationFailed => StatusCodes.Status400BadRequest,
        ErrorCodes.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden or ErrorCodes.Muted or CreatorErrors.NotVerified or CreatorErrors.NotEnoughFollowers => StatusCodes.Status403Forbidden,
        CreatorErrors.NothingToPay or CreatorErrors.NoPayoutMethod => StatusCodes.Status409Conflict,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.RoomNotLive or ErrorCodes.RoomEnded or ErrorCodes.RoomNotEnded or ErrorCodes.NotJoined => StatusCodes.Status409Conflict,
        ErrorCodes.RateLimited or ErrorCodes.SlowMode => StatusCodes.Status429TooManyRequests,
        ErrorCodes.Unavailable or ErrorCodes.StorageUnavailable or ErrorCodes.BlobNotConfigured => StatusCodes.Status503ServiceUnavailable,
        CommerceErrors.SoldOut or CommerceErrors.LimitExceeded or CommerceErrors.IdempotencyMismatch
            or CommerceErrors.InsufficientStock or CommerceErrors.SaleInProgress or CommerceErrors.AlreadyPaid or CommerceErrors.NotPaid
            or CommerceErrors.BudgetExhausted or CommerceErrors.BidTooLow or CommerceErrors.AuctionEnded
            or CommerceErrors.AuctionInProgress => StatusCodes.Status409Conflict,
        CommerceErrors.NotAvailableInRegion => StatusCodes.Status422UnprocessableEntity,
        CommerceErrors.InvalidSignature => StatusCodes.Status401Unauthorized,
        ErrorCodes.Internal => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.ValidationFailed,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        StatusCodes.Status503ServiceUnavailable => ErrorCodes.Unavailable,
        >= 500 => ErrorCodes.Internal,
        _ => ErrorCodes.ValidationFailed,
    };
}
