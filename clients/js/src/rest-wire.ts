// The REST API's bodies and answers, as docs/protocol.md names their fields.
import type { Money } from './wire.js';

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

export interface NewDeal { productId: string; commissionBps: number; minFollowers?: number; regions?: string[] }

/** A merchant's commission offer; for merchants also acceptedBy and commissionOwed, for creators accepted. */
export interface Deal {
  dealId: string; productId: string; merchantId: string; commissionBps: number; minFollowers: number; regions: string[]; createdAt: string;
  accepted: boolean; acceptedCount: number; acceptedBy: string[] | null; commissionOwed: Money[] | null;
}

export interface RoomModerators { roomId: string; moderators: string[] }

export interface EarningEntry { orderId: string; dealId: string; amount: Money; state: 'pending' | 'available' | 'paidOut' | 'reversed'; at: string }

export interface Earnings { payoutCurrency: string | null; pending: Money[]; available: Money[]; paidOut: Money[]; entries: EarningEntry[] }

export interface PayoutMethod { rail: string; country: string; currency: string; accountRef: string }

export interface PayoutConversion { source: Money; converted: Money; rate: number }

export interface PayoutQuote {
  amount: Money; source: Money[]; fxRate: number; rateDate: string; conversions: PayoutConversion[]; rail: string; country: string;
}

export interface Payout extends PayoutQuote {
  payoutId: string; idempotencyKey: string; status: 'submitted' | 'paid' | 'failed'; requestedAt: string; updatedAt: string; failureReason: string | null;
}

/** purpose: productImage, roomCover or verification; length in bytes. */
export interface NewUpload { purpose: 'productImage' | 'roomCover' | 'verification'; contentType: string; length: number }

/** A write-only link: PUT the bytes to uploadUrl with headers. Public media then live at url; a private upload is named by mediaId. */
export interface MediaUpload { uploadUrl: string; url: string | null; expiresAt: string; maxBytes: number; headers: Record<string, string>; mediaId: string | null }

export interface VerificationSubmission { legalName: string; country: string; documentMediaId: string; selfieMediaId: string }

export interface VerificationDocument { kind: 'document' | 'selfie'; mediaId: string; readUrl: string | null; readUrlExpiresAt: string | null }

export interface VerificationCase {
  creatorId: string; name: string; legalName: string; country: string; submittedAt: string; status: 'pending' | 'verified' | 'rejected';
  decidedBy: string | null; decidedAt: string | null; reason: string | null; documents: VerificationDocument[];
}

export interface VerificationQueue { status: 'pending' | 'verified' | 'rejected'; verifications: VerificationCase[] }
