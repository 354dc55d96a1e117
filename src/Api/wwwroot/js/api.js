// Shared client plumbing for the Broadcart consoles: REST, the live hub, error decoding, chat list.

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

const roomPath = (roomId) => `/api/rooms/${encodeURIComponent(roomId)}`;

export const createRoom = (token, room) => apiFetch('/api/rooms', { method: 'POST', body: room, token });
export const getRoom = (token, roomId) => apiFetch(roomPath(roomId), { token });
export const startRoom = (token, roomId) => apiFetch(`${roomPath(roomId)}/start`, { method: 'POST', token });
export const endRoom = (token, roomId) => apiFetch(`${roomPath(roomId)}/end`, { method: 'POST', token });

// ---------------------------------------------------------------- Hub

const FIRST_RETRIES_MS = [0, 2000, 5000, 10000];
const GIVE_UP_AFTER_MS = 10 * 60 * 1000;

export function connectHub(token) {
  const signalR = globalThis.signalR;
  if (!signalR) {
    throw new ApiError('client_missing', 'The live client failed to load (/lib/signalr/signalr.min.js). Reload the page.');
  }
  return new signalR.HubConnectionBuilder()
    .withUrl('/hubs/live', { accessTokenFactory: () => token })
    .withAutomaticReconnect({
      // A show outlasts the default four retries; jitter keeps a crowd of viewers from
      // reconnecting in lock-step after a server restart.
      nextRetryDelayInMilliseconds({ previousRetryCount, elapsedMilliseconds }) {
        if (elapsedMilliseconds > GIVE_UP_AFTER_MS) return null;
        const base = FIRST_RETRIES_MS[previousRetryCount] ?? 20000;
        return base + Math.random() * Math.max(1000, base / 2);
      },
    })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}

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

// ---------------------------------------------------------------- Chat list

const CHAT_CAP = 200;
const DELETED_MEMORY = 1000;
const STICK_THRESHOLD_PX = 48;

/**
 * Renders chat into a <ul>, ordered and de-duplicated by `seq`. Live events, batches and
 * reconnect snapshots overlap freely, so every path funnels through the same insert.
 */
export class ChatList {
  #ul;
  #decorate;
  #selfId;
  #seqs = [];              // ascending
  #items = new Map();      // seq -> li
  #seqById = new Map();    // messageId -> seq
  #deleted = new Set();    // messageIds; a late batch must not resurrect a deleted message

  constructor(ul, { decorate, selfId } = {}) {
    this.#ul = ul;
    this.#decorate = decorate;
    this.#selfId = selfId;
  }

  set selfId(id) { this.#selfId = id; }

  add(message, { provisional = false } = {}) {
    this.addAll([message], { provisional });
  }

  addAll(messages, { provisional = false } = {}) {
    if (!messages?.length) return;
    const stick = this.#nearBottom();
    for (const m of messages) this.#insert(m, provisional);
    this.#trim();
    if (stick) this.#ul.scrollTop = this.#ul.scrollHeight;
  }

  remove(messageId) {
    this.#rememberDeleted(messageId);
    const seq = this.#seqById.get(messageId);
    if (seq === undefined) return;
    this.#drop(seq, this.#seqs.indexOf(seq));
  }

  clear() {
    this.#seqs = [];
    this.#items.clear();
    this.#seqById.clear();
    this.#deleted.clear();
    this.#ul.replaceChildren();
  }

  #insert(message, provisional) {
    const seq = Number(message?.seq);
    if (!Number.isFinite(seq) || this.#deleted.has(message.messageId)) return;

    const existing = this.#items.get(seq);
    if (existing) {
      // Our own optimistic echo gives way to the server's copy (it may have normalised the text).
      if (existing.dataset.provisional && !provisional) {
        const li = this.#render(message, false);
        existing.replaceWith(li);
        this.#items.set(seq, li);
      }
      return;
    }
    if (this.#seqs.length >= CHAT_CAP && seq < this.#seqs[0]) return;

    let i = this.#seqs.length;
    while (i > 0 && this.#seqs[i - 1] > seq) i--; // new messages almost always land at the end
    const li = this.#render(message, provisional);
    this.#ul.insertBefore(li, i < this.#seqs.length ? this.#items.get(this.#seqs[i]) : null);
    this.#seqs.splice(i, 0, seq);
    this.#items.set(seq, li);
    this.#seqById.set(message.messageId, seq);
  }

  #trim() {
    while (this.#seqs.length > CHAT_CAP) this.#drop(this.#seqs[0], 0);
  }

  #drop(seq, index) {
    const li = this.#items.get(seq);
    if (!li) return;
    li.remove();
    this.#items.delete(seq);
    this.#seqById.delete(li.dataset.messageId);
    if (index >= 0) this.#seqs.splice(index, 1);
  }

  #rememberDeleted(messageId) {
    this.#deleted.add(messageId);
    if (this.#deleted.size > DELETED_MEMORY) this.#deleted.delete(this.#deleted.values().next().value);
  }

  #nearBottom() {
    const ul = this.#ul;
    return ul.scrollHeight - ul.scrollTop - ul.clientHeight < STICK_THRESHOLD_PX;
  }

  #render(m, provisional) {
    const li = document.createElement('li');
    li.className = 'chat-item';
    li.dataset.seq = String(m.seq);
    li.dataset.messageId = m.messageId;
    li.dataset.userId = m.userId;
    if (provisional) li.dataset.provisional = 'true';
    if (m.userId === this.#selfId) li.classList.add('mine');

    const name = document.createElement('span');
    name.className = 'chat-name';
    name.textContent = m.name || m.userId;

    const text = document.createElement('span');
    text.className = 'chat-text';
    text.textContent = m.text;

    const body = document.createElement('p');
    body.className = 'chat-body';
    body.append(name, ' ', text);
    li.append(body);

    const sent = new Date(m.sentAt);
    if (!Number.isNaN(sent.getTime())) {
      const time = document.createElement('time');
      time.className = 'chat-time';
      time.dateTime = sent.toISOString();
      time.textContent = sent.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      li.append(time);
    }
    this.#decorate?.(li, m);
    return li;
  }
}
