import type { Auction, FlashSale, Money, Order, Room } from './wire.js';

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

export interface RegionPrice { region: string; currency: string; amountMinor: number }

export interface Product {
  id: string; merchantId: string; title: string; description: string | null; imageUrl: string | null; prices: RegionPrice[];
  shipsTo: string[]; stock: number; createdAt: string; restockOnRefund: boolean;
}

export interface NewProduct {
  title: string; stock: number; prices: RegionPrice[]; shipsTo: string[]; description?: string; imageUrl?: string; restockOnRefund?: boolean;
}

export interface NewRoom { title: string; language?: string; homeRegion?: string; merchantId?: string; coverUrl?: string }

export interface NewAuction {
  productId: string; startPrice: Money; increment: Money; durationSeconds: number; antiSnipeSeconds?: number; extendSeconds?: number;
}

export interface NewFlashSale { productId: string; quantity: number; perUserLimit: number; durationSeconds: number; price?: Money }

export interface ReplayEvent { offsetMs: number; type: string; payload: unknown }

export interface ReplayPage { events: ReplayEvent[]; next: string | null }

export interface Feed { region: string; rooms: { roomId: string; title: string; streamerName: string; homeRegion: string; viewerCount: number; paid: boolean }[] }

export interface ReachSetting {
  regions: string[]; excludedRegions: string[]; budget: Money; bidCpm: Money; mode?: 'manual' | 'auto'; plannedMinutes?: number;
}

export interface Reach {
  roomId: string; regions: string[]; excludedRegions: string[]; budget: Money; bidCpm: Money; spend: Money; spendMicros: number;
  paidImpressions: number; state: 'active' | 'exhausted' | 'paused'; unbilledImpressions: number; mode: 'manual' | 'auto';
  plannedMinutes: number | null; allocation: { region: string; share: number; roi: number | null }[];
}

export interface Creator { id: string; name: string; region: string; followers: number; verification: string; payoutCurrency: string | null }

const creator = (creatorId: string) => `/api/creators/${encodeURIComponent(creatorId)}`;

const room = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;

function query(params: Record<string, string | number | undefined | null>): string {
  const present = Object.entries(params).filter(([, v]) => v !== undefined && v !== null);
  return present.length ? `?${present.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}` : '';
}

/**
 * Broadcart's REST API, typed: rooms, products, orders, flash sales, auctions, replays, the feed,
 * metrics and the report. A refusal rejects with BroadcartApiError.
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

  async #send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await this.#options.accessToken();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const doFetch = this.#options.fetch ?? fetch;
    const response = await doFetch(new URL(path, this.#options.baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw refusal(response, text);
    return JSON.parse(text) as T;
  }
}

// Problem details carry the protocol's code; a proxy's own error page does not, and keeps its status.
function refusal(response: Response, text: string): BroadcartApiError {
  try {
    const problem = JSON.parse(text) as { code?: unknown; detail?: unknown; title?: unknown };
    const code = typeof problem.code === 'string' ? problem.code : '';
    const message = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : response.statusText;
    return new BroadcartApiError(code, response.status, message);
  } catch {
    return new BroadcartApiError(response.status === 401 ? 'unauthorized' : '', response.status, text || response.statusText);
  }
}
