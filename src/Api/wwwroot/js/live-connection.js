// The consoles' hub connection: Broadcart's TypeScript client (clients/js, built into /lib), which
// rejoins rooms after a reconnect and passes on missed chat once, in seq order.
import { BroadcartLiveClient } from '/lib/broadcart-client/index.js';
import { ApiError } from './api.js';

const FIRST_RETRIES_MS = [0, 2000, 5000, 10000];
const LATER_RETRY_MS = 20000;
const GIVE_UP_AFTER_MS = 10 * 60 * 1000;

// A show outlasts a few retries; jitter keeps a crowd of viewers from reconnecting in lock-step
// after a server restart. After about ten minutes the page says it is disconnected.
function reconnectDelays() {
  const delays = [];
  for (let total = 0, i = 0; total < GIVE_UP_AFTER_MS; i++) {
    const base = FIRST_RETRIES_MS[i] ?? LATER_RETRY_MS;
    const delay = Math.round(base + Math.random() * Math.max(1000, base / 2));
    delays.push(delay);
    total += delay;
  }
  return delays;
}

export function connectHub(token) {
  if (!globalThis.signalR) {
    throw new ApiError('client_missing', 'The live client failed to load (/lib/signalr/signalr.min.js). Reload the page.');
  }
  return new BroadcartLiveClient({ hubUrl: '/hubs/live', accessToken: () => token, reconnectDelays: reconnectDelays() });
}
