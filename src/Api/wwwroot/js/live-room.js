// One hub connection (Broadcart's client SDK) following one room at a time; both consoles render from its state.
import { ApiError } from './api.js';
import { connectHub } from './live-connection.js';
import { createOrder, saleState } from './commerce.js';

const STATUS_ORDER = ['scheduled', 'live', 'ended'];

// The server sends lower-case names, but an enum serialised by number or PascalCase
// should not blank the UI.
function normaliseStatus(status) {
  if (typeof status === 'number') return STATUS_ORDER[status] ?? '';
  return typeof status === 'string' ? status.toLowerCase() : '';
}

const sameRoom = (a, b) => !!a && !!b && String(a).toLowerCase() === String(b).toLowerCase();

function freshState(roomId = null, seed = {}) {
  return {
    roomId,
    title: seed.title ?? '',
    status: normaliseStatus(seed.status),
    streamerId: seed.streamerId ?? '',
    viewerCount: seed.viewerCount ?? 0,
    likes: seed.likes ?? 0,
    slowModeSeconds: seed.slowModeSeconds ?? 0,
    homeRegion: seed.homeRegion ?? '',
    pinned: seed.pinned ?? null,          // regionalProduct
    showcase: Array.isArray(seed.showcase) ? seed.showcase : [],
    flashSale: seed.flashSale ?? null,    // { saleId, productId, state, quantity, remaining, perUserLimit, endsAt }
    stock: new Map(),                     // productId -> remaining, from `stock` events outside a sale
    geo: null,                            // { region, visible, purchasable, price, reason } for this viewer
    auction: seed.auction ?? null,        // the auction event's object: { auctionId, productId, state, currentBid, leader, bids, endsAt, minimumBid, ... }
    joined: false,
    snapshot: null, // full JoinRoom result (pinned, showcase, flashSale, geo) for later consoles
  };
}

const FINAL_SALE_STATES = ['ended', 'soldOut'];
const definedFields = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

// Events may omit saleId; then a different endsAt is what tells two sales of one product apart.
function sameSale(a, b) {
  if (a.saleId && b.saleId) return a.saleId === b.saleId;
  return a.productId === b.productId && (!a.endsAt || !b.endsAt || a.endsAt === b.endsAt);
}

export class LiveRoom {
  #conn;
  #chat;
  #self;
  #onChange;
  #onError;
  #onPurchase;
  #token;
  #starting = null;
  #stopped = false;
  #language = null;
  state = { ...freshState(), connection: 'disconnected' };

  constructor({ token, self, chat, onChange, onError, onPurchase, language }) {
    this.#language = language ?? null;
    this.#chat = chat;
    this.#self = self;
    this.#onChange = onChange;
    this.#onError = onError;
    this.#onPurchase = onPurchase;
    this.#token = token;
    this.#conn = connectHub(token);
    this.#wire();
  }

  async join(roomId, seed) {
    const previous = this.state.roomId;
    if (!sameRoom(previous, roomId)) {
      if (previous && this.state.joined) {
        // Best effort: if it fails we only linger in the old room's count until we disconnect,
        // and its events are filtered out below.
        this.#conn.leaveRoom(previous).catch(() => {});
      }
      this.#chat.clear();
      this.#setRoom(freshState(roomId, seed));
    }
    try {
      await this.#ensureStarted();
      this.#applySnapshot(await this.#conn.joinRoom(roomId));
    } catch (err) {
      this.state.joined = false;
      this.#emit();
      throw err;
    }
  }

  /** The language this viewer reads chat in: others' messages also arrive translated into it. */
  async setLanguage(language) {
    this.#language = language;
    if (this.#conn.state === 'Connected') await this.#conn.setLanguage(language);
  }

  #sendLanguage() {
    return this.#language ? this.#conn.setLanguage(this.#language) : Promise.resolve();
  }

  /** The hub connection, for features that ride on it (metrics); it may not be started yet. */
  get connection() {
    return this.#conn;
  }

  /** Calls a room-scoped hub method by its protocol name ('Bid', 'MuteUser'): the client's typed call, with this room first. */
  invoke(method, ...args) {
    if (!this.state.joined) {
      return Promise.reject(new ApiError('not_joined', 'Join the room first.'));
    }
    const call = this.#conn[method[0].toLowerCase() + method.slice(1)];
    if (typeof call !== 'function') return Promise.reject(new ApiError('validation_failed', `The live client has no ${method}.`));
    return call.call(this.#conn, this.state.roomId, ...args);
  }

  async sendChat(text) {
    const ack = await this.invoke('SendChat', text);
    // Echo immediately; the broadcast copy with the same seq replaces it when it arrives.
    this.#chat.add({
      roomId: this.state.roomId,
      messageId: ack.messageId,
      seq: ack.seq,
      userId: this.#self.userId,
      name: this.#self.name,
      text,
      sentAt: new Date().toISOString(),
    }, { provisional: true });
    return ack;
  }

  async setSlowMode(seconds) {
    await this.invoke('SetSlowMode', seconds);
    // The broadcast may land after the ack (or be batched); don't let the UI flick back meanwhile.
    this.#update({ slowModeSeconds: seconds });
  }

  /** Folds in a status learnt elsewhere (a REST start/end) without waiting for the event. */
  applyStatus(status) {
    this.#mergeStatus(status);
    this.#emit();
  }

  /** Folds in a room view returned by REST (showcase, pin): products, sale and status, no chat. */
  applyRoomView(view) {
    if (this.#stopped || !view || !sameRoom(view.roomId ?? view.id, this.state.roomId)) return;
    this.#mergeCommerce(view);
    this.#mergeStatus(view.status);
    this.#emit();
  }

  /** An auction's news (event, REST answer or snapshot): the latest word per auction wins, and a closed one never reopens. */
  applyAuction(auction) {
    if (this.#stopped || !auction || (auction.roomId && !sameRoom(auction.roomId, this.state.roomId))) return;
    this.#mergeAuction(auction);
    this.#emit();
  }

  #mergeAuction(a) {
    const current = this.state.auction;
    if (current && current.auctionId === a.auctionId && current.state !== 'open' && a.state === 'open') return;
    if (current && current.auctionId === a.auctionId && a.state === 'open' && (a.bids ?? 0) < (current.bids ?? 0)) return;
    this.state.auction = a;
  }

  /** Folds in a flash sale learnt elsewhere (the streamer's own POST) without waiting for the event. */
  applyFlashSale(sale) {
    if (this.#stopped || !sale || (sale.roomId && !sameRoom(sale.roomId, this.state.roomId))) return;
    this.#mergeSale(sale);
    this.#emit();
  }

  /** A `sold_out` refusal: show it now rather than wait for the stock event. */
  markSoldOut(productId) {
    const sale = this.state.flashSale;
    if (sale?.productId === productId && saleState(sale) === 'started') this.state.flashSale = { ...sale, remaining: 0 };
    else this.state.stock.set(productId, 0);
    this.#emit();
  }

  /**
   * Reserves stock. Over the hub when it is up; over REST while it reconnects, so a retry with the
   * same idempotency key still gets through (the server answers a replay with the same order).
   */
  purchase(productId, quantity, idempotencyKey) {
    const roomId = this.state.roomId;
    if (!roomId) return Promise.reject(new ApiError('not_joined', 'Join the room first.'));
    if (this.state.joined && this.#conn.state === 'Connected') {
      return this.#conn.purchase(roomId, productId, quantity, idempotencyKey);
    }
    return createOrder(this.#token, roomId, { productId, quantity, idempotencyKey });
  }

  /** Counts a product click; fire-and-forget, a lost click is not worth an error. False if not sent. */
  clickProduct(productId) {
    if (!this.state.joined || this.#conn.state !== 'Connected' || !productId) return false;
    this.#conn.clickProduct(this.state.roomId, productId).catch(() => {});
    return true;
  }

  async stop() {
    // A stopped room must not repaint a page that has moved on (signed out, signed in again).
    this.#stopped = true;
    this.#onChange = null;
    this.#onError = null;
    this.#onPurchase = null;
    if (this.state.joined) await this.#conn.leaveRoom(this.state.roomId).catch(() => {});
    await this.#conn.stop().catch(() => {});
  }

  #wire() {
    const c = this.#conn;
    const forRoom = (handler) => (payload) => {
      if (!this.#stopped && sameRoom(payload?.roomId, this.state.roomId)) handler(payload);
    };
    // The client merges chat and chatBatch, and the gap fills after a reconnect: each message once, in seq order.
    c.on('chat', forRoom((m) => this.#chat.add(m)));
    c.on('chatDeleted', forRoom((d) => this.#chat.remove(d.messageId)));
    c.on('chatTranslated', forRoom((t) => this.#chat.translate(t)));
    c.on('viewers', forRoom((v) => this.#update({ viewerCount: v.count })));
    c.on('likes', forRoom((l) => { this.#mergeLikes(l.total); this.#emit(); }));
    c.on('roomStatus', forRoom((s) => this.applyStatus(s.status)));
    c.on('slowMode', forRoom((s) => this.#update({ slowModeSeconds: s.seconds })));
    c.on('productPinned', forRoom((p) => { this.#setPinned(p.product ?? null); this.#emit(); }));
    c.on('showcase', forRoom((s) => { if (Array.isArray(s.products)) this.#update({ showcase: s.products }); }));
    c.on('flashSale', forRoom((f) => { this.#mergeSale(f); this.#emit(); }));
    c.on('stock', forRoom((s) => { this.#mergeStock(s.productId, s.remaining); this.#emit(); }));
    c.on('purchase', forRoom((p) => this.#onPurchase?.(p)));
    c.on('geo', forRoom((g) => { this.#setGeo(g); this.#emit(); }));
    c.on('auction', forRoom((a) => this.applyAuction(a)));

    c.on('reconnecting', () => this.#update({ connection: 'reconnecting' }));
    // The client has set the language again and joined the room again; we missed events meanwhile.
    c.on('rejoined', forRoom((room) => this.#applySnapshot(room)));
    c.on('rejoinFailed', forRoom(({ error }) => {
      this.#update({ joined: false });
      this.#onError?.(error);
    }));
    c.on('reconnected', () => this.#update({ connection: 'connected' }));
    c.on('closed', (err) => {
      this.#update({ connection: 'disconnected', joined: false });
      if (err) this.#onError?.(err);
    });
  }

  #ensureStarted() {
    const s = this.#conn.state;
    if (s === 'Connected') return Promise.resolve();
    if (s === 'Reconnecting') {
      return Promise.reject(new ApiError('reconnecting', 'Reconnecting to the live server. Try again in a moment.'));
    }
    if (!this.#starting) {
      this.#update({ connection: 'connecting' });
      this.#starting = this.#conn.start()
        .then(() => this.#sendLanguage())
        .then(() => this.#update({ connection: 'connected' }))
        .catch((err) => { this.#update({ connection: 'disconnected' }); throw err; })
        .finally(() => { this.#starting = null; });
    }
    return this.#starting;
  }

  #applySnapshot(s) {
    if (this.#stopped) return; // a JoinRoom that resolves after sign-out
    s ??= {};
    Object.assign(this.state, {
      roomId: s.roomId ?? this.state.roomId,
      title: s.title ?? this.state.title,
      streamerId: s.streamerId ?? this.state.streamerId,
      viewerCount: s.viewerCount ?? this.state.viewerCount,
      slowModeSeconds: s.slowModeSeconds ?? 0,
      stock: new Map(), // events were missed; the snapshot's sale is the fresh word
      joined: true,
      snapshot: s,
    });
    if (s.geo) this.#setGeo(s.geo);
    if (s.auction) this.#mergeAuction(s.auction);
    this.#mergeCommerce(s);
    this.#mergeStatus(s.status);
    this.#mergeLikes(s.likes);
    this.#chat.addAll(s.recentChat ?? []);
    this.#emit();
  }

  // Status only moves forward and likes only grow, so a stale snapshot racing a newer
  // event can never roll the UI back.
  #mergeStatus(status) {
    const next = normaliseStatus(status);
    if (STATUS_ORDER.indexOf(next) > STATUS_ORDER.indexOf(this.state.status)) this.state.status = next;
  }

  #mergeLikes(total) {
    if (typeof total === 'number' && total > this.state.likes) this.state.likes = total;
  }

  #mergeCommerce(s) {
    if (s.homeRegion) this.state.homeRegion = s.homeRegion;
    if (Array.isArray(s.showcase)) this.state.showcase = s.showcase;
    if ('pinned' in s) this.state.pinned = s.pinned ?? null;
    if ('flashSale' in s) {
      if (s.flashSale) this.#mergeSale(s.flashSale);
      else this.state.flashSale = null;
    }
  }

  #setPinned(product) {
    this.state.pinned = product;
    // The pinned copy is the freshest rendering of that product (e.g. its sale price).
    if (product?.id && this.state.showcase.some((p) => p?.id === product.id)) {
      this.state.showcase = this.state.showcase.map((p) => (p?.id === product.id ? product : p));
    }
  }

  // A sale only moves forward: a late snapshot saying "started" cannot reopen an ended sale.
  #mergeSale(incoming) {
    const prev = this.state.flashSale;
    const same = !!prev && sameSale(prev, incoming);
    const next = same ? { ...prev, ...definedFields(incoming) } : { ...incoming };
    if (same && FINAL_SALE_STATES.includes(prev.state) && next.state === 'started') next.state = prev.state;
    if (next.state === 'soldOut') next.remaining = 0;
    if (next.state === 'started' && next.productId) this.state.stock.delete(next.productId);
    this.state.flashSale = next;
  }

  // During its sale a product's `stock` is the sale's remaining units; otherwise its inventory.
  #mergeStock(productId, remaining) {
    if (!productId || typeof remaining !== 'number') return;
    const sale = this.state.flashSale;
    if (sale?.productId === productId && saleState(sale) === 'started') this.state.flashSale = { ...sale, remaining };
    else this.state.stock.set(productId, remaining);
  }

  // Kept on the state and in the snapshot, where the shop has always read `geo.purchasable`.
  #setGeo(geo) {
    this.state.geo = geo;
    if (this.state.snapshot) this.state.snapshot = { ...this.state.snapshot, geo };
  }

  #setRoom(roomState) {
    this.state = { ...roomState, connection: this.state.connection };
    this.#emit();
  }

  #update(patch) {
    Object.assign(this.state, patch);
    this.#emit();
  }

  #emit() {
    this.#onChange?.({ ...this.state });
  }
}
