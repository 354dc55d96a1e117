namespace Broadcart.Grains.Payouts.Wise;

/// <summary>Wise's transfer statuses (its "tracking transfers" guide) as payout statuses.</summary>
internal static class WiseTransferStatus
{
    public const string IncomingPaymentWaiting = "incoming_payment_waiting";

    public static PayoutStatus ToPayout(string status) => status switch
    {
        "outgoing_payment_sent" => PayoutStatus.Paid,

        // Final unhappy states. bounced_back is not one: Wise may move it back to processing.
        "cancelled" or "funds_refunded" or "charged_back" => PayoutStatus.Failed,
        _ => PayoutStatus.Submitted,
    };
}
