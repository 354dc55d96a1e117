export { BroadcartLiveClient } from './live-client.js';
export type { LiveClientOptions } from './live-client.js';
export { BroadcartHubError } from './errors.js';
export { ChatSequence } from './chat-sequence.js';
export type * from './wire.js';
export { BroadcartApiClient, BroadcartApiError } from './api-client.js';
export type { ApiClientOptions, Creator, Feed, NewAuction, NewFlashSale, NewProduct, NewRoom, Product, Reach, ReachSetting, RegionPrice, ReplayEvent, ReplayPage } from './api-client.js';
