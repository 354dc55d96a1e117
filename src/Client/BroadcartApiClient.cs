using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Broadcart.Client.Rest;
using Broadcart.Client.Wire;
using Broadcart.Protocol;

namespace Broadcart.Client;

/// <summary>
/// Broadcart's REST API, typed: rooms, products, orders, flash sales, auctions, replays, the feed,
/// reach and the merchant's report, creators, deals, earnings and payouts, uploads and verification. A refusal throws <see cref="BroadcartApiException"/> with the
/// problem's code and status. The <see cref="HttpClient"/> is the caller's (pooled, with whatever
/// handlers it needs); this class only adds the bearer token and the wire's JSON.
/// </summary>
public sealed class BroadcartApiClient(HttpClient http, ApiClientOptions options)
{
    // The wire's rules, and optional request fields left out rather than sent as null.
    private static readonly JsonSerializerOptions Json = new(WireJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Task<Room> CreateRoomAsync(NewRoom room, CancellationToken cancellationToken = default) =>
        SendAsync<Room>(HttpMethod.Post, "/api/rooms", room, cancellationToken);

    public Task<Room> GetRoomAsync(string roomId, CancellationToken cancellationToken = default) =>
        SendAsync<Room>(HttpMethod.Get, Room(roomId), null, cancellationToken);

    public Task<Room> StartRoomAsync(string roomId, CancellationToken cancellationToken = default) =>
        SendAsync<Room>(HttpMethod.Post, $"{Room(roomId)}/start", null, cancellationToken);

    public Task<Room> EndRoomAsync(string roomId, CancellationToken cancellationToken = default) =>
        SendAsync<Room>(HttpMethod.Post, $"{Room(roomId)}/end", null, cancellationToken);

    /// <summary>Adds a product to the room's showcase; answers the room as it became.</summary>
    public Task<Room> AddToShowcaseAsync(string roomId, string productId, CancellationToken cancellationToken = default) =>
        SendAsync<Room>(HttpMethod.Post, $"{Room(roomId)}/showcase", new ProductRef(productId), cancellationToken);

    /// <summary>Pins a product of the showcase; answers the room as it became.</summary>
    public Task<Room> PinAsync(string roomId, string productId, CancellationToken cancellationToken = default) =>
        SendAsync<Room>(HttpMethod.Post, $"{Room(roomId)}/pin", new ProductRef(productId), cancellationToken);

    public Task<Product> CreateProductAsync(NewProduct product, CancellationToken cancellationToken = default) =>
        SendAsync<Product>(HttpMethod.Post, "/api/products", product, cancellationToken);

    public Task<Product> GetProductAsync(string productId, CancellationToken cancellationToken = default) =>
        SendAsync<Product>(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(productId)}", null, cancellationToken);

    /// <summary>Reserves stock; the same idempotency key always answers the same order, so a retry after a lost answer is safe.</summary>
    public Task<Order> PlaceOrderAsync(string roomId, NewOrder order, CancellationToken cancellationToken = default) =>
        SendAsync<Order>(HttpMethod.Post, $"{Room(roomId)}/orders", order, cancellationToken);

    public Task<Order> GetOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendAsync<Order>(HttpMethod.Get, $"/api/orders/{Uri.EscapeDataString(orderId)}", null, cancellationToken);

    public Task<FlashSale> StartFlashSaleAsync(string roomId, NewFlashSale sale, CancellationToken cancellationToken = default) =>
        SendAsync<FlashSale>(HttpMethod.Post, $"{Room(roomId)}/flash-sales", sale, cancellationToken);

    public Task<AuctionOpened> OpenAuctionAsync(string roomId, NewAuction auction, CancellationToken cancellationToken = default) =>
        SendAsync<AuctionOpened>(HttpMethod.Post, $"{Room(roomId)}/auctions", auction, cancellationToken);

    /// <summary>The auction; for its winner also the order it placed (once placed, just after the close).</summary>
    public Task<Auction> GetAuctionAsync(string roomId, string auctionId, CancellationToken cancellationToken = default) =>
        SendAsync<Auction>(HttpMethod.Get, $"{Room(roomId)}/auctions/{Uri.EscapeDataString(auctionId)}", null, cancellationToken);

    /// <summary>One page of an ended room's replay; pass the previous page's <see cref="ReplayPage.Next"/> as <paramref name="after"/>.</summary>
    public Task<ReplayPage> GetReplayPageAsync(string roomId, string? after = null, int? limit = null, CancellationToken cancellationToken = default) =>
        SendAsync<ReplayPage>(HttpMethod.Get, $"{Room(roomId)}/replay{Query(("after", after), ("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)))}", null, cancellationToken);

    /// <summary>Every event of an ended room's replay, page by page, in the order they happened.</summary>
    public async IAsyncEnumerable<ReplayEvent> ReadReplayAsync(string roomId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        do
        {
            var page = await GetReplayPageAsync(roomId, after, cancellationToken: cancellationToken);
            foreach (var e in page.Events)
            {
                yield return e;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    public Task<Feed> GetFeedAsync(string? region = null, int? limit = null, CancellationToken cancellationToken = default) =>
        SendAsync<Feed>(HttpMethod.Get, $"/api/feed{Query(("region", region), ("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)))}", null, cancellationToken);

    /// <summary>The room's campaign report (docs/protocol.md, "report"), in <paramref name="currency"/> or the merchant's.</summary>
    public Task<JsonElement> GetReportAsync(string roomId, string? currency = null, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, $"{Room(roomId)}/report{Query(("currency", currency))}", null, cancellationToken);

    /// <summary>The room's figures now (the metrics object of docs/protocol.md).</summary>
    public Task<JsonElement> GetMetricsAsync(string roomId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, $"{Room(roomId)}/metrics", null, cancellationToken);

    /// <summary>Sets the room's paid reach (its streamer, its merchant or an admin).</summary>
    public Task<Reach> SetReachAsync(string roomId, ReachSetting reach, CancellationToken cancellationToken = default) =>
        SendAsync<Reach>(HttpMethod.Put, $"{Room(roomId)}/reach", reach, cancellationToken);

    public Task<Reach> GetReachAsync(string roomId, CancellationToken cancellationToken = default) =>
        SendAsync<Reach>(HttpMethod.Get, $"{Room(roomId)}/reach", null, cancellationToken);

    public Task<Reach> PauseReachAsync(string roomId, CancellationToken cancellationToken = default) =>
        SendAsync<Reach>(HttpMethod.Post, $"{Room(roomId)}/reach/pause", null, cancellationToken);

    public Task<Reach> ResumeReachAsync(string roomId, CancellationToken cancellationToken = default) =>
        SendAsync<Reach>(HttpMethod.Post, $"{Room(roomId)}/reach/resume", null, cancellationToken);

    public Task<Creator> GetCreatorAsync(string creatorId, CancellationToken cancellationToken = default) =>
        SendAsync<Creator>(HttpMethod.Get, Creator(creatorId), null, cancellationToken);

    /// <summary>Follows a creator (idempotent); answers the profile with its follower count.</summary>
    public Task<Creator> FollowAsync(string creatorId, CancellationToken cancellationToken = default) =>
        SendAsync<Creator>(HttpMethod.Post, $"{Creator(creatorId)}/follow", null, cancellationToken);

    public Task<Creator> UnfollowAsync(string creatorId, CancellationToken cancellationToken = default) =>
        SendAsync<Creator>(HttpMethod.Delete, $"{Creator(creatorId)}/follow", null, cancellationToken);

    public Task<Deal> CreateDealAsync(NewDeal deal, CancellationToken cancellationToken = default) =>
        SendAsync<Deal>(HttpMethod.Post, "/api/deals", deal, cancellationToken);

    /// <summary>A merchant's own deals, and the offers a creator qualifies for or accepted.</summary>
    public async Task<IReadOnlyList<Deal>> ListDealsAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<DealList>(HttpMethod.Get, "/api/deals", null, cancellationToken)).Deals;

    /// <summary>A creator takes a deal (idempotent); <c>not_verified</c> and <c>not_enough_followers</c> refuse it.</summary>
    public Task<Deal> AcceptDealAsync(string dealId, CancellationToken cancellationToken = default) =>
        SendAsync<Deal>(HttpMethod.Post, $"/api/deals/{Uri.EscapeDataString(dealId)}/accept", null, cancellationToken);

    public Task<RoomModerators> AppointModeratorAsync(string roomId, string userId, CancellationToken cancellationToken = default) =>
        SendAsync<RoomModerators>(HttpMethod.Post, $"{Room(roomId)}/moderators/{Uri.EscapeDataString(userId)}", null, cancellationToken);

    public Task<RoomModerators> DismissModeratorAsync(string roomId, string userId, CancellationToken cancellationToken = default) =>
        SendAsync<RoomModerators>(HttpMethod.Delete, $"{Room(roomId)}/moderators/{Uri.EscapeDataString(userId)}", null, cancellationToken);

    /// <summary>The room's chat as CSV (<c>seq,sentAt,messageId,userId,name,text,deleted</c>).</summary>
    public Task<string> ExportChatAsync(string roomId, CancellationToken cancellationToken = default) =>
        SendTextAsync($"{Room(roomId)}/chat/export", cancellationToken);

    /// <summary>The campaign report as CSV, one row per scope (total, region, hour).</summary>
    public Task<string> GetReportCsvAsync(string roomId, string? currency = null, CancellationToken cancellationToken = default) =>
        SendTextAsync($"{Room(roomId)}/report.csv{Query(("currency", currency))}", cancellationToken);

    /// <summary>The caller's commission (streamers): pending, available and paid out per currency, with each order's entry.</summary>
    public Task<Earnings> GetEarningsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<Earnings>(HttpMethod.Get, "/api/creators/me/earnings", null, cancellationToken);

    /// <summary>Where the caller's payouts go: any country, any currency the day's reference rates give.</summary>
    public Task<PayoutMethod> SetPayoutMethodAsync(PayoutMethod method, CancellationToken cancellationToken = default) =>
        SendAsync<PayoutMethod>(HttpMethod.Put, "/api/creators/me/payout-method", method, cancellationToken);

    /// <summary>The caller's payout method; <c>not_found</c> before one is set.</summary>
    public Task<PayoutMethod> GetPayoutMethodAsync(CancellationToken cancellationToken = default) =>
        SendAsync<PayoutMethod>(HttpMethod.Get, "/api/creators/me/payout-method", null, cancellationToken);

    /// <summary>What a payout would send now, at today's rates, for the creator to confirm; it has the payout's refusals and changes nothing.</summary>
    public Task<PayoutQuote> QuotePayoutAsync(CancellationToken cancellationToken = default) =>
        SendAsync<PayoutQuote>(HttpMethod.Get, "/api/creators/me/payouts/quote", null, cancellationToken);

    /// <summary>
    /// Pays out everything available in the payout currency. The same key answers the same payout, so
    /// a retry after a lost answer pays once; refusals <c>not_verified</c>, <c>nothing_to_pay</c>, <c>no_payout_method</c>.
    /// </summary>
    public Task<Payout> RequestPayoutAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync<Payout>(HttpMethod.Post, "/api/creators/me/payouts", new PayoutRequest(idempotencyKey), cancellationToken);

    /// <summary>The caller's payouts, newest first.</summary>
    public async Task<IReadOnlyList<Payout>> ListPayoutsAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<PayoutList>(HttpMethod.Get, "/api/creators/me/payouts", null, cancellationToken)).Payouts;

    /// <summary>A write-only link for one upload; <see cref="UploadAsync"/> also sends the bytes.</summary>
    public Task<MediaUpload> CreateUploadAsync(NewUpload upload, CancellationToken cancellationToken = default) =>
        SendAsync<MediaUpload>(HttpMethod.Post, "/api/media/uploads", upload, cancellationToken);

    /// <summary>
    /// Uploads a file straight to Blob Storage through a write-only link (no bytes pass through an API
    /// node): use <see cref="MediaUpload.Url"/> on a product or room, or <see cref="MediaUpload.MediaId"/>
    /// in a verification. A refused write throws with the storage's status and an empty code.
    /// </summary>
    public async Task<MediaUpload> UploadAsync(string purpose, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var upload = await CreateUploadAsync(new NewUpload(purpose, contentType, content.Length), cancellationToken);

        // The link carries its own signature: no bearer token goes to the storage account.
        using var put = new HttpRequestMessage(HttpMethod.Put, upload.UploadUrl) { Content = new ReadOnlyMemoryContent(content) };
        foreach (var (name, value) in upload.Headers)
        {
            if (!put.Headers.TryAddWithoutValidation(name, value))
            {
                put.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await http.SendAsync(put, cancellationToken);
        return response.IsSuccessStatusCode
            ? upload
            : throw new BroadcartApiException("", response.StatusCode, $"the storage refused the upload: {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    /// <summary>Submits identity documents for review; answers the verification status (<c>pending</c>).</summary>
    public async Task<string> SubmitVerificationAsync(VerificationSubmission submission, CancellationToken cancellationToken = default) =>
        (await SendAsync<VerificationAccepted>(HttpMethod.Post, "/api/creators/me/verification", submission, cancellationToken)).Status;

    /// <summary>Admins: the review queue (<c>pending</c>, the default) or the decisions (<c>verified</c>, <c>rejected</c>), with short-lived read links.</summary>
    public Task<VerificationQueue> ListVerificationsAsync(string? status = null, CancellationToken cancellationToken = default) =>
        SendAsync<VerificationQueue>(HttpMethod.Get, $"/api/admin/verifications{Query(("status", status))}", null, cancellationToken);

    /// <summary>Admins: approves a creator's verification; answers the creator's profile as it became.</summary>
    public Task<Creator> ApproveVerificationAsync(string creatorId, CancellationToken cancellationToken = default) =>
        SendAsync<Creator>(HttpMethod.Post, $"/api/admin/verifications/{Uri.EscapeDataString(creatorId)}", new VerificationDecision("approve", null), cancellationToken);

    /// <summary>Admins: rejects a creator's verification, with the reason the creator is shown.</summary>
    public Task<Creator> RejectVerificationAsync(string creatorId, string reason, CancellationToken cancellationToken = default) =>
        SendAsync<Creator>(HttpMethod.Post, $"/api/admin/verifications/{Uri.EscapeDataString(creatorId)}", new VerificationDecision("reject", reason), cancellationToken);

    // Relative to the base address's own path, so an API served under a prefix (https://host/shop/) keeps it.
    private Uri Url(string path) => new(options.BaseAddress.AbsoluteUri.TrimEnd('/') + path);

    private static string Creator(string creatorId) => $"/api/creators/{Uri.EscapeDataString(creatorId)}";

    private static string Room(string roomId) => $"/api/rooms/{Uri.EscapeDataString(roomId)}";

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(method, path, body);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await RefusalAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new BroadcartApiException("", response.StatusCode, $"{method} {path} answered an empty body");
    }

    private async Task<string> SendTextAsync(string path, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Get, path, null);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadAsStringAsync(cancellationToken)
            : throw await RefusalAsync(response, cancellationToken);
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, Url(path));
        if (await options.AccessToken() is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        return request;
    }

    // A refusal without the protocol's code (a proxy's page, the framework's own 401): the code its status means, or none.
    private static string ByStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "unauthorized",
        HttpStatusCode.Forbidden => "forbidden",
        HttpStatusCode.NotFound => "not_found",
        HttpStatusCode.TooManyRequests => "rate_limited",
        _ => "",
    };

        // The framework's own validation problems put their sentences per field in "errors" rather than in "detail".
    private static string FieldErrors(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? string.Join(' ', errors.EnumerateObject().SelectMany(f => f.Value.ValueKind == JsonValueKind.Array ? f.Value.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()))
            : "";

    // Problem details carry the protocol's code; a proxy's own error page does not, and keeps its status.
    private static async Task<BroadcartApiException> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : ByStatus(response.StatusCode);
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()!
                : FieldErrors(root) is { Length: > 0 } fields ? fields
                : root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : response.ReasonPhrase ?? "";
            return new BroadcartApiException(code, response.StatusCode, detail);
        }
        catch (JsonException)
        {
            return new BroadcartApiException(ByStatus(response.StatusCode), response.StatusCode,
                text.Length > 0 ? text : response.ReasonPhrase ?? response.StatusCode.ToString());
        }
    }
}
