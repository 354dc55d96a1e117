import * as signalR from '@microsoft/signalr';
import { ChatSequence } from './chat-sequence.js';
import { BroadcartHubError } from './errors.js';
import type { BidAnswer, ChatAck, ChatBatch, ChatMessage, LiveEvents, Order, Room } from './wire.js';

export interface LiveClientOptions {
  /** The hub, e.g. https://live.example.com/hubs/live */
  hubUrl: string;
  /** Asked at every (re)connect, so a refreshed token is used. */
  accessToken: () => string | Promise<string>;
  /** Waits between reconnect attempts, in ms; after the last the client stays closed. */
  reconnectDelays?: number[];
  /**
   * JSON by default. For MessagePack pass `new MessagePackHubProtocol()` from
   * `@microsoft/signalr-protocol-msgpack`: payloads keep their JSON shape (the same keys, times as
   * ISO strings), so events read the same either way.
   */
  hubProtocol?: signalR.IHubProtocol;
}

type Handler<T> = (payload: T) => void;

const HUB_EVENTS = ['chatDeleted', 'chatTranslated', 'viewers', 'likes', 'roomStatus', 'slowMode', 'productPinned', 'showcase',
  'flashSale', 'stock', 'purchase', 'geo', 'auction', 'metrics'] as const;

/**
 * Broadcart's live hub, typed: one connection, any number of joined rooms. It reconnects by
 * itself (after a transport failure, and after the server closed the connection); then it sets
 * the language again, joins every room again and passes on the chat it missed from the room's
 * recentChat, each message once and in seq order.
 */
export class BroadcartLiveClient {
  readonly #connection: signalR.HubConnection;
  readonly #chat = new ChatSequence();
  readonly #rooms = new Set<string>();
  readonly #handlers = new Map<keyof LiveEvents, Set<Handler<never>>>();
  readonly #delays: number[];
  #language: string | null = null;
  #stopping = false;

  constructor(options: LiveClientOptions) {
    this.#delays = options.reconnectDelays ?? [0, 1000, 2000, 5000, 10000, 30000];
    this.#connection = new signalR.HubConnectionBuilder()
      .withUrl(options.hubUrl, { accessTokenFactory: options.accessToken, skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
      .withAutomaticReconnect(this.#delays)
      .withHubProtocol(options.hubProtocol ?? new signalR.JsonHubProtocol())
      .configureLogging(signalR.LogLevel.None)
      .build();
    this.#connection.on('chat', (m: ChatMessage) => this.#raiseChat(m.roomId, [m]));
    this.#connection.on('chatBatch', (b: ChatBatch) => this.#raiseChat(b.roomId, b.messages));
    for (const name of HUB_EVENTS) this.#connection.on(name, (payload: never) => this.#emit(name, payload));
    this.#connection.onreconnecting(() => this.#emit('reconnecting', undefined as never));
    this.#connection.onreconnected(() => void this.#rejoin());
    this.#connection.onclose((error) => void this.#onClose(error));
  }

  get state(): signalR.HubConnectionState {
    return this.#connection.state;
  }

  on<K extends keyof LiveEvents>(event: K, handler: Handler<LiveEvents[K]>): () => void {
    let set = this.#handlers.get(event);
    if (!set) this.#handlers.set(event, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  start(): Promise<void> {
    this.#stopping = false;
    return this.#connection.start();
  }

  stop(): Promise<void> {
    this.#stopping = true;
    return this.#connection.stop();
  }

  /** Joins a room; its recent chat not seen before is raised as `chat`. */
  async joinRoom(roomId: string): Promise<Room> {
    const room = await this.#invoke<Room>('JoinRoom', roomId);
    this.#rooms.add(roomId);
    this.#raiseChat(roomId, room.recentChat ?? []);
    return room;
  }

  async leaveRoom(roomId: string): Promise<void> {
    this.#rooms.delete(roomId);
    await this.#invoke<void>('LeaveRoom', roomId);
    this.#chat.forget(roomId);
  }

  sendChat(roomId: string, text: string): Promise<ChatAck> {
    return this.#invoke<ChatAck>('SendChat', roomId, text);
  }

  /** The BCP 47 language this connection reads chat in; set again after a reconnect. */
  async setLanguage(language: string): Promise<void> {
    await this.#invoke<void>('SetLanguage', language);
    this.#language = language;
  }

  like(roomId: string): Promise<void> { return this.#invoke('Like', roomId); }

  muteUser(roomId: string, userId: string, seconds: number): Promise<void> { return this.#invoke('MuteUser', roomId, userId, seconds); }

  deleteChat(roomId: string, messageId: string): Promise<void> { return this.#invoke('DeleteChat', roomId, messageId); }

  setSlowMode(roomId: string, seconds: number): Promise<void> { return this.#invoke('SetSlowMode', roomId, seconds); }

  clickProduct(roomId: string, productId: string): Promise<void> { return this.#invoke('ClickProduct', roomId, productId); }

  watchMetrics(roomId: string): Promise<unknown> { return this.#invoke('WatchMetrics', roomId); }

  /** Orders a product; the same idempotency key always answers the same order. */
  purchase(roomId: string, productId: string, quantity: number, idempotencyKey: string): Promise<Order> {
    return this.#invoke<Order>('Purchase', roomId, productId, quantity, idempotencyKey);
  }

  /** A bid in the room's auction, answered once durable; refusals (bid_too_low, auction_ended) reject with BroadcartHubError. */
  bid(roomId: string, auctionId: string, amountMinor: number): Promise<BidAnswer> {
    return this.#invoke<BidAnswer>('Bid', roomId, auctionId, amountMinor);
  }

  async #invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    try {
      return await this.#connection.invoke<T>(method, ...args);
    } catch (error) {
      throw BroadcartHubError.from(error);
    }
  }

  #emit<K extends keyof LiveEvents>(event: K, payload: LiveEvents[K]): void {
    for (const handler of this.#handlers.get(event) ?? []) (handler as Handler<LiveEvents[K]>)(payload);
  }

  #raiseChat(roomId: string, messages: readonly ChatMessage[]): void {
    for (const message of this.#chat.accept(roomId, messages)) this.#emit('chat', message);
  }

  // A new connection has no rooms and no language: set both again and fill each room's gap.
  async #rejoin(): Promise<void> {
    if (this.#language) await this.#invoke('SetLanguage', this.#language).catch(() => undefined);
    for (const roomId of [...this.#rooms]) {
      try {
        const room = await this.#invoke<Room>('JoinRoom', roomId);
        this.#raiseChat(roomId, room.recentChat ?? []);
        this.#emit('rejoined', room);
      } catch (error) {
        this.#rooms.delete(roomId);
        this.#emit('rejoinFailed', { roomId, error });
      }
    }
    this.#emit('reconnected', undefined as never);
  }

  // SignalR reconnects by itself only after a transport failure; a server that closed the
  // connection on purpose (a stalled socket, a draining node) needs a new start.
  async #onClose(error?: Error): Promise<void> {
    if (this.#stopping) {
      this.#emit('closed', error);
      return;
    }
    this.#emit('reconnecting', undefined as never);
    for (const delay of this.#delays) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.#stopping) break;
      try {
        await this.#connection.start();
        await this.#rejoin();
        return;
      } catch (e) {
        error = e as Error;
      }
    }
    this.#emit('closed', error);
  }
}
