// The payloads of Broadcart's live hub, as docs/protocol.md names them.

export interface Money { currency: string; amountMinor: number }

export interface ChatMessage { roomId: string; messageId: string; seq: number; userId: string; name: string; text: string; sentAt: string }

export interface ChatBatch { roomId: string; messages: ChatMessage[] }

export interface ChatDeleted { roomId: string; messageId: string }

export interface ChatTranslated { roomId: string; messageId: string; seq: number; language: string; text: string }

export interface ViewerCount { roomId: string; count: number }

export interface LikeTotal { roomId: string; total: number }

export interface RoomStatusChanged { roomId: string; status: 'scheduled' | 'live' | 'ended' }

export interface SlowModeChanged { roomId: string; seconds: number }

export interface RegionalProduct {
  id: string; title: string; description: string; imageUrl: string | null; region: string;
  available: boolean; price: Money | null; listPrice: Money | null;
}

export interface ProductPinned { roomId: string; product: RegionalProduct | null }

export interface ShowcaseChanged { roomId: string; products: RegionalProduct[] }

export interface FlashSale {
  roomId: string; saleId: string; productId: string; state: 'started' | 'soldOut' | 'ended';
  quantity: number; remaining: number; perUserLimit: number; endsAt: string; price: Money | null;
}

export interface StockChanged { roomId: string; productId: string; remaining: number }

export interface PurchaseMade { roomId: string; productId: string; quantity: number; buyer: string }

export interface GeoSetting { roomId: string; region: string; visible: boolean; purchasable: boolean; price: Money | null; reason: string }

/** The auction event and a room's open or last auction; the leader is masked ("A***a"). */
export interface Auction {
  roomId: string; auctionId: string; productId: string; state: 'open' | 'won' | 'unsold'; currentBid: Money | null; leader: string | null;
  bids: number; endsAt: string; startPrice: Money; increment: Money; minimumBid: Money; extensions: number; orderId: string | null;
}

/** Bid's answer, once durable: leading is false when a higher bid came in the same commit. */
export interface BidAnswer { leading: boolean; amount: Money; endsAt: string }

export interface Room {
  roomId: string; title: string; language: string; status: 'scheduled' | 'live' | 'ended'; streamerId: string; streamerName: string;
  merchantId: string | null; homeRegion: string; coverUrl: string | null; viewerCount: number; likes: number; slowModeSeconds: number;
  chatSeq: number; createdAt: string; startedAt: string | null; endedAt: string | null; pinned: RegionalProduct | null;
  showcase: RegionalProduct[]; flashSale: FlashSale | null; moderators: string[]; auction?: Auction | null; recentChat?: ChatMessage[]; geo?: GeoSetting;
}

export interface ChatAck { messageId: string; seq: number }

export interface Order {
  orderId: string; status: string; roomId: string; productId: string; quantity: number; region: string; unitPrice: Money; total: Money;
  createdAt: string; expiresAt: string; paidAt: string | null; paymentId: string | null; saleId: string | null; refundDue: boolean; source?: string;
}

/** Every event the client raises, by name: the hub's own events plus the connection's. */
export interface LiveEvents {
  chat: ChatMessage;
  chatDeleted: ChatDeleted;
  chatTranslated: ChatTranslated;
  viewers: ViewerCount;
  likes: LikeTotal;
  roomStatus: RoomStatusChanged;
  slowMode: SlowModeChanged;
  productPinned: ProductPinned;
  showcase: ShowcaseChanged;
  flashSale: FlashSale;
  stock: StockChanged;
  purchase: PurchaseMade;
  geo: GeoSetting;
  auction: Auction;
  metrics: unknown;
  reconnecting: undefined;
  /** Back, with every room joined again (or given up in rejoinFailed); raised after the rejoined events. */
  reconnected: undefined;
  rejoined: Room;
  rejoinFailed: { roomId: string; error: unknown };
  closed: unknown;
}
