using System.Collections.Concurrent;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Broadcart.Api.Tests.Payouts;

/// <summary>
/// A stand-in for Wise's API on 127.0.0.1, imitating the documented endpoints the rail calls:
/// quotes, email recipients, transfers (one per <c>customerTransactionId</c>: a repeat answers the
/// first), funding from the balance, and reading a transfer. It can hold transfer answers past the
/// client's timeout, after having made the transfer, as a slow provider would.
/// </summary>
public sealed class WiseStub : IAsyncDisposable
{
    public const string Token = "wise-test-token";
    public const long Profile = 4242;

    private readonly ConcurrentDictionary<Guid, JsonElement> quotes = new();
    private readonly ConcurrentDictionary<Guid, StubTransfer> transfers = new();
    private long nextId = 50_000_000;
    private int transferRequests;
    private int held;

    private WiseStub(StubServer server) => Server = server;

    public StubServer Server { get; }

    public Uri BaseUrl => Server.BaseUrl;

    /// <summary>How many transfer answers to hold (the first ones), and for how long.</summary>
    public int HoldTransferAnswers { get; set; }

    public TimeSpan Hold { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Quotes answer 503 while set: the provider is down.</summary>
    public bool QuotesDown { get; set; }

    public int TransferRequests => Volatile.Read(ref transferRequests);

    public int Fundings => transfers.Values.Sum(t => t.Fundings);

    public int Unauthorized { get; private set; }

    public IReadOnlyCollection<StubTransfer> Transfers => [.. transfers.Values];

    public JsonElement QuoteOf(StubTransfer transfer) => quotes[transfer.QuoteUuid];

    public void SetStatus(long transferId, string status) => transfers.Values.Single(t => t.Id == transferId).Status = status;

    public static async Task<WiseStub> StartAsync()
    {
        WiseStub? stub = null;
        var server = await StubServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                if (context.Request.Headers.Authorization != $"Bearer {Token}")
                {
                    stub!.Unauthorized++;
                    context.Response.StatusCode = 401;
                    return;
                }

                await next(context);
            });
            app.MapPost("/v3/profiles/{profileId:long}/quotes", (long profileId, JsonElement body) => stub!.Quote(profileId, body));
            app.MapPost("/v1/accounts", (JsonElement body) => stub!.Recipient(body));
            app.MapPost("/v1/transfers", (JsonElement body) => stub!.TransferAsync(body));
            app.MapPost("/v3/profiles/{profileId:long}/transfers/{transferId:long}/payments", (long profileId, long transferId, JsonElement body) => stub!.Fund(transferId, body));
            app.MapGet("/v1/transfers/{transferId:long}", (long transferId) =>
                stub!.transfers.Values.SingleOrDefault(t => t.Id == transferId) is { } t ? Results.Json(new { id = t.Id, status = t.Status }) : Results.NotFound());
        });
        stub = new WiseStub(server);
        return stub;
    }

    private IResult Quote(long profileId, JsonElement body)
    {
        if (QuotesDown)
        {
            return Results.StatusCode(503);
        }

        if (profileId != Profile || !body.TryGetProperty("targetAmount", out var amount) || amount.ValueKind != JsonValueKind.Number)
        {
            return Results.Json(new { errors = new[] { new { code = "error.quote.invalid", message = "bad quote" } } }, statusCode: 422);
        }

        var id = Guid.NewGuid();
        quotes[id] = body.Clone();
        return Results.Json(new { id, sourceCurrency = body.GetProperty("sourceCurrency").GetString(), targetCurrency = body.GetProperty("targetCurrency").GetString(), targetAmount = amount.GetDecimal(), rate = 1.0 });
    }

    private IResult Recipient(JsonElement body)
    {
        var email = body.GetProperty("details").GetProperty("email").GetString()!;
        return email.Contains("invalid", StringComparison.Ordinal) || body.GetProperty("profile").GetInt64() != Profile
            ? Results.Json(new { errors = new[] { new { code = "NOT_VALID", message = "Please specify a valid email" } } }, statusCode: 422)
            : Results.Json(new { id = Interlocked.Increment(ref nextId), currency = body.GetProperty("currency").GetString() });
    }

    private async Task<IResult> TransferAsync(JsonElement body)
    {
        Interlocked.Increment(ref transferRequests);
        if (!Guid.TryParse(body.GetProperty("customerTransactionId").GetString(), out var customerTransactionId)
            || !Guid.TryParse(body.GetProperty("quoteUuid").GetString(), out var quote) || !quotes.ContainsKey(quote))
        {
            return Results.Json(new { errors = new[] { new { code = "error.transfer.invalid", message = "bad transfer" } } }, statusCode: 422);
        }

        var transfer = transfers.GetOrAdd(customerTransactionId, _ => new StubTransfer(
            Interlocked.Increment(ref nextId), customerTransactionId, quote, body.GetProperty("targetAccount").GetInt64(), body.GetProperty("details").GetProperty("reference").GetString()!));

        // Made, but the answer is late: the client has given up on this attempt by then.
        if (Interlocked.Increment(ref held) <= HoldTransferAnswers)
        {
            await Task.Delay(Hold);
        }

        return Results.Json(new { id = transfer.Id, status = transfer.Status, customerTransactionId });
    }

    private IResult Fund(long transferId, JsonElement body)
    {
        var transfer = transfers.Values.SingleOrDefault(t => t.Id == transferId);
        if (transfer is null || body.GetProperty("type").GetString() != "BALANCE")
        {
            return Results.NotFound();
        }

        if (transfer.Status != "incoming_payment_waiting")
        {
            return Results.Json(new { errors = new[] { new { code = "transfer.already.funded", message = "already funded" } } }, statusCode: 409);
        }

        transfer.Fundings++;
        transfer.Status = "processing";
        return Results.Json(new { type = "BALANCE", status = "COMPLETED", errorCode = (string?)null });
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

public sealed class StubTransfer(long id, Guid customerTransactionId, Guid quoteUuid, long targetAccount, string reference)
{
    public long Id { get; } = id;
    public Guid CustomerTransactionId { get; } = customerTransactionId;
    public Guid QuoteUuid { get; } = quoteUuid;
    public long TargetAccount { get; } = targetAccount;
    public string Reference { get; } = reference;
    public volatile string Status = "incoming_payment_waiting";
    public int Fundings;
}
