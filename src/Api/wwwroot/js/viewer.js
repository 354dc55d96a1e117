// Viewer page: discover live rooms, join one, watch its counters, like, chat and buy.
import { setupLivePage } from './live-page.js';
import { renderShell } from './shell.js';
import { $ } from './ui.js';
import { setupFeed } from './viewer-feed.js';
import { renderGeoNotice } from './viewer-geo.js';
import { setupAuction } from './viewer-auction.js';
import { setupReplay } from './viewer-replay.js';
import { setupShop } from './viewer-shop.js';

function randomViewerId() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `viewer-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

const shell = renderShell({
  section: 'Watch',
  storageKey: 'broadcart.viewer',
  roles: ['viewer'],
  defaultUserId: randomViewerId(),
  namePlaceholder: 'Shown next to your messages',
});
const { status, fail } = shell;
// The reader's chat language: what they chose here before, else the browser's.
const LANGUAGE_KEY = 'broadcart.viewer.language';
const SHOWN_KEY = 'broadcart.viewer.translations';
let language = localStorage.getItem(LANGUAGE_KEY) || (navigator.language || 'en').split('-')[0].toLowerCase();
const room = setupLivePage({
  shell,
  translation: {
    language,
    current: () => language,
    onLanguage(tag) { language = tag; localStorage.setItem(LANGUAGE_KEY, tag); },
    shown: localStorage.getItem(SHOWN_KEY) !== 'off',
    onShown(shown) { localStorage.setItem(SHOWN_KEY, shown ? 'on' : 'off'); },
  },
  heading: $('room-title-view'),
  // state.streamerId is set before a snapshot's chat is rendered, so the first batch is tagged too.
  decorate: (li, m) => li.classList.toggle('host', !!m.userId && m.userId === room.live?.state.streamerId),
  prompts: { open: 'Say something', waiting: 'Chat opens when the show goes live' },
  onChange: render,
  onPurchase: (p) => shop.onPurchase(p),
});
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

const shop = setupShop({ getLive: () => room.live, getSession: () => room.session, fail });
const replay = setupReplay({ getSession: () => room.session, fail });
const auction = setupAuction({ getLive: () => room.live, getSession: () => room.session, fail });
const feed = setupFeed({
  getSession: () => room.session,
  fail,
  join(roomId) {
    $('join-room-id').value = roomId; // same as typing it
    join(roomId);
  },
});

$('join-room-id').value = new URLSearchParams(location.search).get('room') ?? '';

shell.start({
  onSignedIn(s, { restored }) {
    if (!room.signIn(s)) return;
    $('join-form').hidden = false;
    feed.start();
    // A reload should put a returning viewer back in the show; a fresh sign-in waits for Join.
    const roomId = $('join-room-id').value.trim();
    if (restored && roomId) join(roomId);
  },
  onSignedOut() {
    room.signOut();
    shop.reset();
    replay.reset();
    auction.reset();
    feed.stop();
    $('join-form').hidden = true;
  },
});

$('join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  join($('join-room-id').value.trim());
});

async function join(roomId) {
  if (!roomId) return status.error({ code: 'validation_failed', message: 'Enter a room id.' });
  if (!room.live) return status.error({ code: 'not_signed_in', message: 'Sign in first.' });
  const button = $('join-room');
  button.disabled = true;
  status.info('Joining…');
  try {
    await room.live.join(roomId);
    status.clear();
    // Keep the room in the address bar so a reload or a shared link lands in the same show.
    history.replaceState(null, '', `?room=${encodeURIComponent(room.live.state.roomId)}`);
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
    await room.live.invoke('Like'); // the total comes back as a `likes` event, batched by the server
  } catch (err) {
    fail(err);
  }
});

function render(state) {
  const connected = room.render(state, !!state.snapshot);
  document.title = state.title ? `${state.title} · Broadcart` : 'Broadcart · Watch';
  $('slow-mode-note').textContent = state.slowModeSeconds
    ? `Slow mode: one message every ${state.slowModeSeconds} s` : '';
  $('like-button').disabled = !connected || state.status === 'ended';
  renderGeoNotice($('geo-notice'), state.snapshot ? state.geo : null);
  // While in a show the feed stops refreshing itself; once the show ends it helps find the next one.
  feed.setJoined(state.snapshot && state.status !== 'ended' ? state.roomId : null);
  shop.render(state);
  replay.render(state);
  auction.render(state);
}
