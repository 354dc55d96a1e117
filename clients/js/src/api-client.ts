import type { Auction, FlashSale, Order, Room } from './wire.js';
import type {
  Creator, Deal, Earnings, Feed, MediaUpload, NewAuction, NewDeal, NewFlashSale, NewProduct, NewRoom, NewUpload, Payout, PayoutMethod, PayoutQuote, Product,
  Reach, ReachSetting, ReplayEvent, ReplayPage, RoomModerators, VerificationQueue, VerificationSubmission,
} from './rest-wire.js';

export interface ApiClientOptions {
  /** The API's origin, e.g. https://live.example.com */
  baseUrl: string;
  /** Asked on every request, so a refreshed token is used. */
  accessToken: () => string | Promise<string>;
  /** Defaults to the global fetch (browsers, Node 18+). */
  fetch?: typeof fetch;
}

/** A refusal from the REST API: the problem details' code (sold_out, validation_failed, ...) and the HTTP status. */
export class BroadcartApiError extends Error {
  constructor(readonly code: string, readonly status: number, message: string) {
    super(message);
    this.name = 'BroadcartApiError';
  }

  /** 503 (service_unavailable, storage_unavailable): the same request may succeed shortly. */
  get transient(): boolean { return this.status === 503; }
}

const creator = (creatorId: string) => `/api/creators/${encodeURIComponent(creatorId)}`;

const room = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;

function query(params: Record<string, string | number | undefined | null>): string {
  const present = Object.entries(params).filter(([, v]) => v !== undefined && v !== null);
  return present.length ? `?${present.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}` : '';
}

/**
 * Broadcart's REST API, typed: rooms, products, orders, flash sales, auctions, replays, the feed,
 * metrics, reach and the report, creators, deals, moderators, earnings and payouts, uploads and verification. A refusal rejects with BroadcartApiError.
 */
export class BroadcartApiClient {
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.#options = options;
  }

  createRoom(body: NewRoom): Promise<Room> { return this.#send('POST', '/api/rooms', body); }

  getRoom(roomId: string): Promise<Room> { return this.#send('GET', room(roomId)); }

  startRoom(roomId: string): Promise<Room> { return this.#send('POST', `${room(roomId)}/start`); }

  endRoom(roomId: string): Promise<Room> { return this.#send('POST', `${room(roomId)}/end`); }

  addToShowcase(roomId: string, productId: string): Promise<Room> { return this.#send('POST', `${room(roomId)}/showcase`, { productId }); }

  pin(roomId: string, productId: string): Promise<Room> { return this.#send('POST', `${room(roomId)}/pin`, { productId }); }

  createProduct(body: NewProduct): Promise<Product> { return this.#send('POST', '/api/products', body); }

  getProduct(productId: string): Promise<Product> { return this.#send('GET', `/api/products/${encodeURIComponent(productId)}`); }

  /** Reserves stock; the same idempotency key always answers the same order, so a retry after a lost answer is safe. */
  placeOrder(roomId: string, productId: string, quantity: number, idempotencyKey: string): Promise<Order> {
    return this.#send('POST', `${room(roomId)}/orders`, { productId, quantity, idempotencyKey });
  }

  getOrder(orderId: string): Promise<Order> { return this.#send('GET', `/api/orders/${encodeURIComponent(orderId)}`); }

  startFlashSale(roomId: string, body: NewFlashSale): Promise<FlashSale> { return this.#send('POST', `${room(roomId)}/flash-sales`, body); }

  openAuction(roomId: string, body: NewAuction): Promise<{ auctionId: string; endsAt: string; auction: Auction }> {
    return this.#send('POST', `${room(roomId)}/auctions`, body);
  }

  /** The auction; for its winner also orderId (once the order is placed, just after the close). */
  getAuction(roomId: string, auctionId: string): Promise<Auction & { youLead?: boolean }> {
    return this.#send('GET', `${room(roomId)}/auctions/${encodeURIComponent(auctionId)}`);
  }

  getReplayPage(roomId: string, after?: string | null, limit?: number): Promise<ReplayPage> {
    return this.#send('GET', `${room(roomId)}/replay${query({ after, limit })}`);
  }

  /** Every event of an ended room's replay, page by page, in the order they happened. */
  async *readReplay(roomId: string): AsyncGenerator<ReplayEvent> {
    let after: string | null = null;
    do {
      const page: ReplayPage = await this.getReplayPage(roomId, after);
      yield* page.events;
      after = page.next;
    } while (after);
  }

  getFeed(region?: string, limit?: number): Promise<Feed> { return this.#send('GET', `/api/feed${query({ region, limit })}`); }

  /** The room's figures now (docs/protocol.md, metrics). */
  getMetrics(roomId: string): Promise<unknown> { return this.#send('GET', `${room(roomId)}/metrics`); }

  /** The room's campaign report (docs/protocol.md, report), in a currency or the merchant's. */
  getReport(roomId: string, currency?: string): Promise<unknown> { return this.#send('GET', `${room(roomId)}/report${query({ currency })}`); }

  /** Sets the room's paid reach (its streamer, its merchant or an admin). */
  setReach(roomId: string, body: ReachSetting): Promise<Reach> { return this.#send('PUT', `${room(roomId)}/reach`, body); }

  getReach(roomId: string): Promise<Reach> { return this.#send('GET', `${room(roomId)}/reach`); }

  pauseReach(roomId: string): Promise<Reach> { return this.#send('POST', `${room(roomId)}/reach/pause`); }

  resumeReach(roomId: string): Promise<Reach> { return this.#send('POST', `${room(roomId)}/reach/resume`); }

  getCreator(creatorId: string): Promise<Creator> { return this.#send('GET', creator(creatorId)); }

  /** Follows a creator (idempotent); answers the profile with its follower count. */
  follow(creatorId: string): Promise<Creator> { return this.#send('POST', `${creator(creatorId)}/follow`); }

  unfollow(creatorId: string): Promise<Creator> { return this.#send('DELETE', `${creator(creatorId)}/follow`); }

  createDeal(body: NewDeal): Promise<Deal> { return this.#send('POST', '/api/deals', body); }

  /** A merchant's own deals, and the offers a creator qualifies for or accepted. */
  async listDeals(): Promise<Deal[]> { return (await this.#send<{ deals: Deal[] }>('GET', '/api/deals')).deals; }

  /** A creator takes a deal (idempotent); not_verified and not_enough_followers refuse it. */
  acceptDeal(dealId: string): Promise<Deal> { return this.#send('POST', `/api/deals/${encodeURIComponent(dealId)}/accept`); }

  appointModerator(roomId: string, userId: string): Promise<RoomModerators> {
    return this.#send('POST', `${room(roomId)}/moderators/${encodeURIComponent(userId)}`);
  }

  dismissModerator(roomId: string, userId: string): Promise<RoomModerators> {
    return this.#send('DELETE', `${room(roomId)}/moderators/${encodeURIComponent(userId)}`);
  }

  /** The room's chat as CSV (seq,sentAt,messageId,userId,name,text,deleted). */
  exportChat(roomId: string): Promise<string> { return this.#sendText(`${room(roomId)}/chat/export`); }

  /** The campaign report as CSV, one row per scope (total, region, hour). */
  getReportCsv(roomId: string, currency?: string): Promise<string> { return this.#sendText(`${room(roomId)}/report.csv${query({ currency })}`); }

  /** The caller's commission (streamers): pending, available and paid out per currency, with each order's entry. */
  getEarnings(): Promise<Earnings> { return this.#send('GET', '/api/creators/me/earnings'); }

  /** Where the caller's payouts go: any country, any currency the day's reference rates give. */
  setPayoutMethod(method: PayoutMethod): Promise<PayoutMethod> { return this.#send('PUT', '/api/creators/me/payout-method', method); }

  /** The caller's payout method; not_found before one is set. */
  getPayoutMethod(): Promise<PayoutMethod> { return this.#send('GET', '/api/creators/me/payout-method'); }

  /** What a payout would send now, for the creator to confirm; it has the payout's refusals and changes nothing. */
  quotePayout(): Promise<PayoutQuote> { return this.#send('GET', '/api/creators/me/payouts/quote'); }

  /** Pays out everything available; the same key answers the same payout (not_verified, nothing_to_pay, no_payout_method refuse it). */
  requestPayout(idempotencyKey: string): Promise<Payout> { return this.#send('POST', '/api/creators/me/payouts', { idempotencyKey }); }

  /** The caller's payouts, newest first. */
  async listPayouts(): Promise<Payout[]> { return (await this.#send<{ payouts: Payout[] }>('GET', '/api/creators/me/payouts')).payouts; }

  /** A write-only link for one upload; upload() also sends the bytes. */
  createUpload(body: NewUpload): Promise<MediaUpload> { return this.#send('POST', '/api/media/uploads', body); }

  /**
   * Uploads a file straight to Blob Storage through a write-only link (no bytes pass through an API
   * node; the storage account must allow the page's origin): use url on a product or room, mediaId in a verification.
   */
  async upload(purpose: NewUpload['purpose'], contentType: string, content: Uint8Array | Blob): Promise<MediaUpload> {
    const length = content instanceof Uint8Array ? content.byteLength : content.size;
    const link = await this.createUpload({ purpose, contentType, length });
    // The link carries its own signature: no bearer token goes to the storage account.
    const response = await this.#fetch(link.uploadUrl, { method: 'PUT', headers: link.headers, body: content as BodyInit });
    if (!response.ok) throw new BroadcartApiError('', response.status, `the storage refused the upload: ${response.status} ${response.statusText}`);
    return link;
  }

  /** Submits identity documents for review; resolves with the verification status (pending). */
  async submitVerification(body: VerificationSubmission): Promise<string> {
    return (await this.#send<{ status: string }>('POST', '/api/creators/me/verification', body)).status;
  }

  /** Admins: the review queue (pending, the default) or the decisions (verified, rejected), with short-lived read links. */
  listVerifications(status?: 'pending' | 'verified' | 'rejected'): Promise<VerificationQueue> {
    return this.#send('GET', `/api/admin/verifications${query({ status })}`);
  }

  /** Admins: approves a creator's verification; resolves with the creator's profile as it became. */
  approveVerification(creatorId: string): Promise<Creator> {
    return this.#send('POST', `/api/admin/verifications/${encodeURIComponent(creatorId)}`, { decision: 'approve' });
  }

  /** Admins: rejects a creator's verification, with the reason the creator is shown. */
  rejectVerification(creatorId: string, reason: string): Promise<Creator> {
    return this.#send('POST', `/api/admin/verifications/${encodeURIComponent(creatorId)}`, { decision: 'reject', reason });
  }

  get #fetch(): typeof fetch { return this.#options.fetch ?? fetch; }

  // Relative to the base URL's own path, so an API served under a prefix (https://host/shop/) keeps it.
  #url(path: string): string { return this.#options.baseUrl.replace(/\/+$/, '') + path; }

  async #request(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
    const token = await this.#options.accessToken();
    const headers: Record<string, string> = { accept };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.#fetch(this.#url(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  async #send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.#request(method, path, body);
    const text = await response.text();
    if (!response.ok) throw refusal(response, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async #sendText(path: string): Promise<string> {
    const response = await this.#request('GET', path, undefined, 'text/csv');
    const text = await response.text();
    if (!response.ok) throw refusal(response, text);
    return text;
  }
}

// Problem details carry the protocol's code; a proxy's own error page does not, and keeps its status.
function refusal(response: Response, text: string): BroadcartApiError {
  try {
    const problem = JSON.parse(text) as { code?: unknown; detail?: unknown; title?: unknown; errors?: unknown };
    const code = typeof problem.code === 'string' ? problem.code : byStatus(response.status);
    // The framework's own validation problems put their sentences per field in errors rather than in detail.
    const fields = problem.errors && typeof problem.errors === 'object'
      ? Object.values(problem.errors as Record<string, unknown>).flat().filter((m): m is string => typeof m === 'string').join(' ')
      : '';
    const message = typeof problem.detail === 'string' ? problem.detail : fields || (typeof problem.title === 'string' ? problem.title : response.statusText);
    return new BroadcartApiError(code, response.status, message);
  } catch {
    return new BroadcartApiError(byStatus(response.status), response.status, text || response.statusText);
  }
}

// A refusal without the protocol's code (a proxy's page, the framework's own 401): the code its status means, or none.
function byStatus(status: number): string {
  return ({ 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 429: 'rate_limited' } as Record<number, string>)[status] ?? '';
}
