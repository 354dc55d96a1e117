// Streamer console: create or open a room, take it live, moderate its chat, sell its products.
import { appointModerator, createRoom, dismissModerator, endRoom, getRoom, startRoom } from './api.js';
import { setupLivePage } from './live-page.js';
import { renderShell } from './shell.js';
import { setupCreator } from './streamer-creator.js';
import { setupStreamerMetrics } from './streamer-metrics.js';
import { setupAuction } from './streamer-auction.js';
import { setupProducts } from './streamer-products.js';
import { $, copyText, el } from './ui.js';

const shell = renderShell({
  section: 'Streamer',
  storageKey: 'broadcart.streamer',
  roles: ['streamer'],
  defaultUserId: 'streamer1',
  namePlaceholder: 'Shown next to your messages',
});
const { status, fail } = shell;
const room = setupLivePage({
  shell,
  heading: $('room-heading'),
  decorate: addModeration,
  prompts: { open: 'Say something to your viewers', waiting: 'Chat opens when you go live' },
  onChange: render,
  onPurchase: (p) => products.onPurchase(p),
});
const { chat } = room;
const products = setupProducts({ getLive: () => room.live, getSession: () => room.session, status, busy });
const auction = setupAuction({ getLive: () => room.live, getSession: () => room.session, status, busy });
const metrics = setupStreamerMetrics({ getLive: () => room.live });
const creator = setupCreator({ getSession: () => room.session, status, busy });

// Who moderates the open room, as the server last said (the room's view, or an appoint/dismiss answer).
let moderators = new Set();

function addModeration(li, message) {
  const actions = el('span', 'chat-actions');
  for (const [cls, label] of [['mute', 'Mute'], ['delete', 'Delete']]) {
    const b = el('button', `${cls} small`, label);
    b.type = 'button';
    actions.append(b);
  }
  // No moderator button on the streamer's own lines: they moderate their room already.
  if (message?.userId !== room.session?.userId) {
    const b = el('button', 'moderator small', '');
    b.type = 'button';
    labelModeratorButton(b, message?.userId);
    actions.append(b);
  }
  li.append(actions);
}

function labelModeratorButton(b, userId) {
  const isModerator = moderators.has(userId);
  b.textContent = isModerator ? 'Remove moderator' : 'Make moderator';
  b.title = isModerator ? 'They can no longer mute, delete or set slow mode here' : 'They can mute, delete and set slow mode in this room';
}

function labelModeratorButtons() {
  for (const b of document.querySelectorAll('#chat-list button.moderator')) labelModeratorButton(b, b.closest('li').dataset.userId);
}

function showModerators(view) {
  moderators = new Set(view?.moderators ?? []);
  labelModeratorButtons();
}

const roomInUrl = new URLSearchParams(location.search).get('room');

shell.start({
  onSignedIn(s, { restored }) {
    room.signIn(s);
    if (!$('room-home-region').value) $('room-home-region').value = s.region;
    $('setup-section').hidden = false;
    creator.show().catch(fail);
    // A reload mid-show must not strand the streamer: reopen the room in the address bar.
    if (restored && roomInUrl) {
      $('open-room-id').value = roomInUrl;
      busy($('open-room'), async () => openRoom(await getRoom(s.token, roomInUrl)));
    }
  },
  onSignedOut() {
    room.signOut();
    products.reset();
    metrics.reset();
    creator.reset();
    $('setup-section').hidden = true;
  },
});

function render(state) {
  const roomId = state.roomId ?? '';
  room.render(state, !!roomId);
  $('room-id').textContent = roomId;
  const link = $('viewer-link');
  link.href = `viewer.html?room=${encodeURIComponent(roomId)}`;
  link.textContent = new URL(link.getAttribute('href'), location.href).href;

  $('go-live').disabled = state.status !== 'scheduled';
  $('end-room').disabled = !state.status || state.status === 'ended';
  renderSlowMode(state);
  products.render(state);
  auction.render(state);
  metrics.render(state);
}

function renderSlowMode(state) {
  const select = $('slow-mode');
  const value = String(state.slowModeSeconds ?? 0);
  // Another moderator may pick a value this menu doesn't offer; show it rather than lie.
  if (![...select.options].some((o) => o.value === value)) select.add(new Option(`${value} s`, value));
  if (!select.dataset.pending) select.value = value; // don't undo a choice still on its way
  select.disabled = !(state.joined && state.connection === 'connected') || state.status === 'ended';
}

async function busy(button, action) {
  button.disabled = true;
  try {
    await action();
  } catch (err) {
    fail(err);
  } finally {
    button.disabled = false;
    if (room.live) render(room.live.state); // re-disables whatever the room's state still forbids
  }
}

async function openRoom(view) {
  if (!room.live) throw new Error('The live client is not available. Reload the page.');
  status.clear();
  const roomId = view.roomId ?? view.id;
  history.replaceState(null, '', `?room=${encodeURIComponent(roomId)}`);
  await room.live.join(roomId, view);
  showModerators(view);
}

$('create-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const title = $('room-title').value.trim();
  if (!title) return status.error({ code: 'validation_failed', message: 'Give the room a title.' });
  const body = { title };
  const language = $('room-language').value.trim();
  const homeRegion = $('room-home-region').value.trim().toUpperCase();
  const merchantId = $('room-merchant-id').value.trim();
  if (language) body.language = language;
  if (homeRegion) body.homeRegion = homeRegion;
  if (merchantId) body.merchantId = merchantId;
  busy($('create-room'), async () => {
    const created = await createRoom(room.session.token, body);
    $('open-room-id').value = created.roomId ?? created.id;
    await openRoom(created);
    status.info('Room created. Share the viewer link, then go live.');
  });
});

$('open-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const roomId = $('open-room-id').value.trim();
  if (!roomId) return status.error({ code: 'validation_failed', message: 'Enter a room id.' });
  busy($('open-room'), async () => openRoom(await getRoom(room.session.token, roomId)));
});

$('go-live').addEventListener('click', (event) => busy(event.currentTarget, async () => {
  const live = room.live;
  const view = await startRoom(room.session.token, live.state.roomId);
  live.applyStatus(view.status);
  status.info('You are live.');
}));

$('end-room').addEventListener('click', (event) => busy(event.currentTarget, async () => {
  const live = room.live;
  const view = await endRoom(room.session.token, live.state.roomId);
  live.applyStatus(view.status);
  status.info('The show has ended.');
}));

$('slow-mode').addEventListener('change', (event) => {
  const select = event.currentTarget;
  const seconds = Number(select.value);
  select.dataset.pending = 'true';
  busy(select, async () => {
    try {
      await room.live.setSlowMode(seconds);
      status.info(seconds ? `Slow mode on: one message every ${seconds} s per viewer.` : 'Slow mode off.');
    } catch (err) {
      select.value = String(room.live.state.slowModeSeconds); // the server said no; show what is in force
      throw err;
    } finally {
      delete select.dataset.pending;
    }
  });
});

$('copy-room-id').addEventListener('click', () => copyText($('room-id'), status, 'room id'));

$('chat-list').addEventListener('click', (event) => {
  const button = event.target.closest('button');
  const li = button?.closest('li');
  if (!li) return;
  if (button.classList.contains('mute')) mute(button, li);
  else if (button.classList.contains('delete')) remove(button, li);
  else if (button.classList.contains('moderator')) toggleModerator(button, li);
});

function toggleModerator(button, li) {
  const who = li.querySelector('.chat-name').textContent;
  const userId = li.dataset.userId;
  const roomId = room.live.state.roomId;
  busy(button, async () => {
    const change = moderators.has(userId) ? dismissModerator : appointModerator;
    showModerators(await change(room.session.token, roomId, userId));
    status.info(moderators.has(userId) ? `${who} now moderates this room.` : `${who} no longer moderates this room.`);
  });
}

function mute(button, li) {
  const who = li.querySelector('.chat-name').textContent;
  const answer = prompt(`Mute ${who} for how many seconds?`, '60');
  if (answer === null) return;
  const seconds = Number(answer.trim());
  if (!Number.isInteger(seconds) || seconds <= 0) {
    status.error({ code: 'validation_failed', message: 'Enter a whole number of seconds, greater than zero.' });
    return;
  }
  busy(button, async () => {
    await room.live.invoke('MuteUser', li.dataset.userId, seconds);
    status.info(`${who} is muted for ${seconds} s.`);
  });
}

function remove(button, li) {
  busy(button, async () => {
    await room.live.invoke('DeleteChat', li.dataset.messageId);
    chat.remove(li.dataset.messageId); // don't wait for the broadcast to confirm
  });
}
