// Viewer page: discover live rooms, join one, watch its counters, like, chat and buy.
import { ChatList } from './api.js';
import { LiveRoom } from './live-room.js';
import { $, bindChatForm, setupSignIn, statusLine } from './ui.js';
import { setupFeed } from './viewer-feed.js';
import { renderGeoNotice } from './viewer-geo.js';
import { setupShop } from './viewer-shop.js';

const status = statusLine($('status-line'));
const chat = new ChatList($('chat-list'), {
  // state.streamerId is set before a snapshot's chat is rendered, so the first batch is tagged too.
  decorate: (li, m) => li.classList.toggle('host', !!m.userId && m.userId === live?.state.streamerId),
});
const chatForm = bindChatForm({
  form: $('chat-form'),
  input: $('chat-input'),
  button: $('chat-send'),
  status,
  send: (text) => live.sendChat(text),
});
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

let live = null;
let session = null;
const shop = setupShop({ getLive: () => live, getSession: () => session, fail });
const feed = setupFeed({
  getSession: () => session,
  fail,
  join(roomId) {
    $('join-room-id').value = roomId; // same as typing it
    join(roomId);
  },
});

function randomViewerId() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `viewer-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

function fail(err) {
  if (status.error(err) === 'unauthorized') signOut();
}

$('join-room-id').value = new URLSearchParams(location.search).get('room') ?? '';

// Assigned below; setupSignIn may call back into this module before it returns.
let signOut = () => {};
signOut = setupSignIn({
  storageKey: 'broadcart.viewer',
  roles: ['viewer'],
  defaultUserId: randomViewerId(),
  status,
  onSignedIn(s, { restored }) {
    session = s;
    live?.stop();
    try {
      live = new LiveRoom({
        token: s.token, self: s, chat, onChange: render, onError: fail, onPurchase: shop.onPurchase,
      });
    } catch (err) {
      live = null;
      return fail(err);
    }
    chat.selfId = s.userId;
    $('join-form').hidden = false;
    feed.start();
    // A reload should put a returning viewer back in the show; a fresh sign-in waits for Join.
    const roomId = $('join-room-id').value.trim();
    if (restored && roomId) join(roomId);
  },
  onSignedOut() {
    live?.stop();
    live = null;
    session = null;
    chat.clear();
    shop.reset();
    feed.stop();
    $('join-form').hidden = true;
    $('room-section').hidden = true;
    $('chat-section').hidden = true;
  },
});

$('join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  join($('join-room-id').value.trim());
});

async function join(roomId) {
  if (!roomId) return status.error({ code: 'validation_failed', message: 'Enter a room id.' });
  if (!live) return status.error({ code: 'not_signed_in', message: 'Sign in first.' });
  const button = $('join-room');
  button.disabled = true;
  status.info('Joining…');
  try {
    await live.join(roomId);
    status.clear();
    // Keep the room in the address bar so a reload or a shared link lands in the same show.
    history.replaceState(null, '', `?room=${encodeURIComponent(live.state.roomId)}`);
  } catch (err) {
    fail(err);
  } finally {
    button.disabled = false;
  }
}

$('like-button').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  if (!reducedMotion.matches) {
    button.animate([{ transform: 'scale(1)' }, { transform: 'scale(1.12)' }, { transform: 'scale(1)' }], 180);
  }
  try {
    await live.invoke('Like'); // the total comes back as a `likes` event, batched by the server
  } catch (err) {
    fail(err);
  }
});

function render(state) {
  $('room-section').hidden = !state.snapshot;
  $('chat-section').hidden = $('room-section').hidden;
  $('room-title-view').textContent = state.title || 'Untitled room';
  document.title = state.title ? `${state.title} · Broadcart` : 'Broadcart · Watch';

  const roomStatus = $('room-status');
  roomStatus.textContent = state.status;
  roomStatus.dataset.status = state.status;
  $('viewer-count').textContent = String(state.viewerCount);
  $('like-total').textContent = String(state.likes);
  $('slow-mode-note').textContent = state.slowModeSeconds
    ? `Slow mode: one message every ${state.slowModeSeconds} s` : '';
  $('connection-state').textContent = state.connection === 'connected' ? '' : state.connection;

  const connected = state.joined && state.connection === 'connected';
  $('like-button').disabled = !connected || state.status === 'ended';
  const open = connected && state.status === 'live';
  chatForm.setOpen(open, open ? 'Say something'
    : !connected ? 'Not connected to live chat'
      : state.status === 'ended' ? 'This show has ended' : 'Chat opens when the show goes live');
  renderGeoNotice($('geo-notice'), state.snapshot ? state.geo : null);
  // While in a show the feed stops refreshing itself; once the show ends it helps find the next one.
  feed.setJoined(state.snapshot && state.status !== 'ended' ? state.roomId : null);
  shop.render(state);
}
