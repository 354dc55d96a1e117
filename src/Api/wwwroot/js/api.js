// Shared client plumbing for the Broadcart consoles: the REST client (the SDK's), error decoding.
import { BroadcartApiClient } from '/lib/broadcart-client/index.js';

export class ApiError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

// ---------------------------------------------------------------- REST

function fallbackCode(status) {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  return `http_${status}`;
}

async function readProblem(res) {
  let problem = null;
  try {
    problem = await res.json();
  } catch {
    // A proxy error page or an empty body: fall back to the HTTP status.
  }
  // Framework validation problems put per-field messages in `errors` rather than `detail`.
  const fieldErrors = problem?.errors && typeof problem.errors === 'object'
    ? Object.values(problem.errors).flat().filter((m) => typeof m === 'string').join(' ')
    : '';
  const message = problem?.detail || fieldErrors || problem?.title || res.statusText || 'The request failed.';
  return new ApiError(problem?.code || fallbackCode(res.status), message, res.status);
}

/**
 * The SDK's REST client for one session's token, on this origin. A request that never reached the
 * server rejects with code 'network' and a sentence for people, as every other failure has.
 */
export function rest(token) {
  const reaching = async (url, init) => {
    try {
      return await fetch(url, init);
    } catch {
      throw new ApiError('network', 'Could not reach the server. Check your connection and try again.');
    }
  };
  return new BroadcartApiClient({ baseUrl: location.origin, accessToken: () => token, fetch: reaching });
}

/** Calls outside the SDK: the development token, the operators' dashboard session and diagnostics. */
export async function apiFetch(path, { method = 'GET', body, token } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError('network', 'Could not reach the server. Check your connection and try again.');
  }
  if (!res.ok) throw await readProblem(res);
  const text = res.status === 204 ? '' : await res.text();
  return text ? JSON.parse(text) : null;
}

export async function devSignIn({ userId, name, roles, region }) {
  const { token } = await apiFetch('/api/dev/token', { method: 'POST', body: { userId, name, roles, region } });
  return token;
}

export const createRoom = (token, room) => rest(token).createRoom(room);
export const getRoom = (token, roomId) => rest(token).getRoom(roomId);
export const startRoom = (token, roomId) => rest(token).startRoom(roomId);
export const endRoom = (token, roomId) => rest(token).endRoom(roomId);
export const appointModerator = (token, roomId, userId) => rest(token).appointModerator(roomId, userId);
export const dismissModerator = (token, roomId, userId) => rest(token).dismissModerator(roomId, userId);

// ---------------------------------------------------------------- Hub

const HUB_MARKER = 'HubException: ';

// Client-side failures worth a friendlier sentence than the library's wording.
const CLIENT_FAILURES = [
  [/Status code '401'/, 'unauthorized', 'Your session has expired. Sign in again.'],
  [/Status code '403'/, 'forbidden', 'You are not allowed to do that.'],
  [/connection being closed|not in the 'Connected' State|WebSocket closed with status code|Server timeout elapsed|connection was stopped/i, 'connection_lost', 'Lost the connection to the server. Try again in a moment.'],
  [/Failed to fetch|Failed to complete negotiation|Failed to start the connection/i, 'network', 'Could not reach the live server. Check your connection and try again.'],
];

/** Turns anything thrown by REST, the hub or the SignalR client into `{ code, message }`. */
export function hubError(err) {
  if (err && typeof err.code === 'string' && err.message) return { code: err.code, message: err.message };
  const raw = String(err?.message ?? err ?? '').trim();

  const at = raw.indexOf(HUB_MARKER);
  if (at >= 0) {
    const rest = raw.slice(at + HUB_MARKER.length);
    const sep = rest.indexOf(': ');
    const code = sep > 0 ? rest.slice(0, sep) : '';
    if (/^[a-z][a-z0-9_]*$/i.test(code)) return { code, message: rest.slice(sep + 2) };
    return { code: 'hub_error', message: rest };
  }
  // Non-HubException server failures are deliberately opaque; don't echo the boilerplate.
  if (raw.startsWith('An unexpected error occurred invoking')) {
    return { code: 'internal_error', message: 'The server could not complete that request. Try again.' };
  }
  for (const [pattern, code, message] of CLIENT_FAILURES) {
    if (pattern.test(raw)) return { code, message };
  }
  return { code: 'error', message: raw || 'Something went wrong.' };
}
