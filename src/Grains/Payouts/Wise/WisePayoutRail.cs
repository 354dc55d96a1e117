using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Broadcart.Grains.Common;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Payouts.Wise;

/// <summary>
/// Payouts through Wise's transfers API, written against its public documentation: a quote for the
/// amount the creator receives (funded from the platform's balance in
/// <see cref="WiseOptions.SourceCurrency"/>), the recipient (an existing Wise recipient id, or an
/// email recipient created here), the transfer with <c>customerTransactionId</c>, and its funding
/// from the balance. <c>customerTransactionId</c> is a UUID derived from the payout id, so Wise
/// answers a repeated transfer request (a retry after a timeout, here or by the payout grain) with
/// the transfer it already made. The HttpClient retries timed-out and failed attempts (Polly, via
/// Microsoft.Extensions.Http.Resilience).
/// </summary>
public sealed class WisePayoutRail(HttpClient http, IOptions<WiseOptions> options) : IPayoutRail
{
    public const string RailName = "wise";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private WiseOptions Options => options.Value;

    public string Name => RailName;

    public string? CheckDestination(PayoutMethod method) =>
        RecipientId(method.AccountRef) is not null || IsEmail(method.AccountRef)
            ? null
            : "for the wise rail, accountRef is a Wise recipient account id (digits) or the email address of the recipient's Wise account";

    public async Task<RailTransfer> SubmitAsync(RailTransferRequest request, CancellationToken cancellationToken = default)
    {
        var quote = await SendAsync<WiseQuote>(HttpMethod.Post, $"v3/profiles/{Options.ProfileId}/quotes",
            new WiseQuoteRequest(Options.SourceCurrency, request.Amount.Currency, null, Major(request.Amount)), cancellationToken);
        var recipient = RecipientId(request.Destination.AccountRef) ?? (await SendAsync<WiseRecipient>(HttpMethod.Post, "v1/accounts",
            new WiseEmailRecipientRequest(request.Amount.Currency, "email", Options.ProfileId, request.HolderName, new WiseEmailDetails(request.Destination.AccountRef)), cancellationToken)).Id;
        var transfer = await SendAsync<WiseTransfer>(HttpMethod.Post, "v1/transfers",
            new WiseTransferRequest(recipient, quote.Id, CustomerTransactionId(request.IdempotencyKey), new WiseTransferDetails(request.Reference)), cancellationToken);

        // A repeated request answers the first transfer: fund it only while it still waits for money.
        if (transfer.Status == WiseTransferStatus.IncomingPaymentWaiting)
        {
            var funding = await SendAsync<WiseFunding>(HttpMethod.Post, $"v3/profiles/{Options.ProfileId}/transfers/{transfer.Id}/payments",
                new WiseFundingRequest("BALANCE"), cancellationToken);
            if (funding.Status != "COMPLETED")
            {
                // Created but not funded (e.g. the balance is short): the next try funds it; Wise cancels it if it never is.
                throw new PayoutRailException($"Wise did not fund transfer {transfer.Id} from the balance: {funding.Status} {funding.ErrorCode}", transient: true);
            }
        }

        return new RailTransfer(transfer.Id.ToString(CultureInfo.InvariantCulture), WiseTransferStatus.ToPayout(transfer.Status), transfer.Status);
    }

    public async Task<RailTransfer> GetAsync(string transferId, CancellationToken cancellationToken = default)
    {
        var transfer = await SendAsync<WiseTransfer>(HttpMethod.Get, $"v1/transfers/{Uri.EscapeDataString(transferId)}", null, cancellationToken);
        return new RailTransfer(transferId, WiseTransferStatus.ToPayout(transfer.Status), transfer.Status);
    }

    /// <summary>Wise wants a UUID; this one is the payout id's, so every retry of a payout sends the same.</summary>
    public static Guid CustomerTransactionId(string idempotencyKey)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("wise-customer-transaction\u001f" + idempotencyKey))[..16];

        // RFC 9562 layout: version 8 (custom), variant 10.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static decimal Major(Money amount) => amount.AmountMinor / (decimal)Math.Pow(10, Currencies.MinorDigits(amount.Currency));

    private static long? RecipientId(string accountRef) =>
        accountRef.All(char.IsAsciiDigit) && long.TryParse(accountRef, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static bool IsEmail(string accountRef) =>
        accountRef.IndexOf('@') is var at && at > 0 && at < accountRef.Length - 3 && accountRef.IndexOf('.', at) > at + 1 && !accountRef.Any(char.IsWhiteSpace);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Options.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.ApiToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new PayoutRailException($"Wise did not answer {method} {path}: {e.Message}", transient: true, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var transient = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                throw new PayoutRailException($"Wise answered {method} {path} with {(int)response.StatusCode}: {Truncate(text)}", transient);
            }

            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new PayoutRailException($"Wise answered {method} {path} with an empty body", transient: true);
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
