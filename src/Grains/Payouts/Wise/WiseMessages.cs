namespace Broadcart.Grains.Payouts.Wise;

// The request and response bodies this rail uses, named as Wise's API reference names them
// (camelCase on the wire); members Wise sends that the rail does not read are left out.

internal sealed record WiseQuoteRequest(string SourceCurrency, string TargetCurrency, decimal? SourceAmount, decimal? TargetAmount);

internal sealed record WiseQuote(Guid Id);

internal sealed record WiseEmailRecipientRequest(string Currency, string Type, long Profile, string AccountHolderName, WiseEmailDetails Details);

internal sealed record WiseEmailDetails(string Email);

internal sealed record WiseRecipient(long Id);

internal sealed record WiseTransferRequest(long TargetAccount, Guid QuoteUuid, Guid CustomerTransactionId, WiseTransferDetails Details);

internal sealed record WiseTransferDetails(string Reference);

internal sealed record WiseTransfer(long Id, string Status);

internal sealed record WiseFundingRequest(string Type);

internal sealed record WiseFunding(string Type, string Status, string? ErrorCode);
