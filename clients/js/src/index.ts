export { BroadcartLiveClient } from './live-client.js';
export type { LiveClientOptions } from './live-client.js';
export { BroadcartHubError } from './errors.js';
export { ChatSequence } from './chat-sequence.js';
export type * from './wire.js';
export { BroadcartApiClient, BroadcartApiError } from './api-client.js';
export type { ApiClientOptions } from './api-client.js';
export type * from './rest-wire.js';
