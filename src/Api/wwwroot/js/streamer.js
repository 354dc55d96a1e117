// Streamer console: create or open a room, take it live, moderate its chat, sell its products.
import { ChatList, createRoom, endRoom, getRoom, startRoom } from './api.js';
import { LiveRoom } from './live-room.js';
import { setupStreamerMetrics } from './streamer-metrics.js';
import { setupProducts } from './streamer-products.js';
import { $, bindChatForm, setupSignIn, statusLine } from './ui.js';

const status = statusLine($('status-line'));
const chat = new ChatList($('chat-list'), { decorate: addModeration });
const chatForm = bindChatForm({
  form: $('chat-form'),
  input: $('chat-input'),
  button: $('chat-send'),
  status,
  send: (text) => live.sendChat(text),
});

let session = null;
let live = null;
const products = setupProducts({ getLive: () => live, getSession: () => session, status, busy });
const metrics = setupStreamerMetrics({ getLive: () => live });

function addModeration(li) {
  const actions = document.createElement('span');
  actions.className = 'chat-actions';
  for (const [cls, label] of [['mute', 'Mute'], ['delete', 'Delete']]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `${cls} small`;
    b.textContent = label;
    actions.append(b);
  }
  li.append(actions);
}

// Any 401 means the dev token is gone; sign-out is the only way forward.
function fail(err) {
  if (status.error(err) === 'unauthorized') signOut();
}

const roomInUrl = new URLSearchParams(location.search).get('room');

// Assigned below; setupSignIn may call back into this module before it returns.
let signOut = () => {};
signOut = setupSignIn({
  storageKey: 'broadcart.streamer',
  roles: ['streamer'],
  defaultUserId: 'streamer1',
  status,
  onSignedIn(s, { restored }) {
    session = s;
    live?.stop();
    try {
      live = new LiveRoom({
        token: s.token, self: s, chat, onChange: render, onError: fail, onPurchase: products.onPurchase,
      });
    } catch (err) {
      live = null;
      fail(err);
    }
    chat.selfId = s.userId;
    if (!$('room-home-region').value) $('room-home-region').value = s.region;
    $('setup-section').hidden = false;
    // A reload mid-show must not strand the streamer: reopen the room in the address bar.
    if (restored && roomInUrl) {
      $('open-room-id').value = roomInUrl;
      busy($('open-room'), async () => openRoom(await getRoom(s.token, roomInUrl)));
    }
  },
  onSignedOut() {
    live?.stop();
    live = null;
    session = null;
    chat.clear();
    products.reset();
    metrics.reset();
    $('setup-section').hidden = true;
    $('room-section').hidden = true;
    $('chat-section').hidden = true;
  },
});

function render(state) {
  const roomId = state.roomId ?? '';
  $('room-section').hidden = !roomId;
  $('chat-section').hidden = $('room-section').hidden;
  $('room-heading').textContent = state.title || 'Untitled room';
  $('room-id').textContent = roomId;
  const link = $('viewer-link');
  link.href = `viewer.html?room=${encodeURIComponent(roomId)}`;
  link.textContent = new URL(link.getAttribute('href'), location.href).href;

  const roomStatus = $('room-status');
  roomStatus.textContent = state.status;
  roomStatus.dataset.status = state.status;
  $('viewer-count').textContent = String(state.viewerCount);
  $('like-total').textContent = String(state.likes);
  $('connection-state').textContent = state.connection === 'connected' ? '' : state.connection;

  $('go-live').disabled = state.status !== 'scheduled';
  $('end-room').disabled = !state.status || state.status === 'ended';
  renderSlowMode(state);
  products.render(state);
  metrics.render(state);

  const connected = state.joined && state.connection === 'connected';
  const open = connected && state.status === 'live';
  chatForm.setOpen(open, open ? 'Say something to your viewers'
    : !connected ? 'Not connected to live chat'
      : state.status === 'ended' ? 'This show has ended' : 'Chat opens when you go live');
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
    if (live) render(live.state); // re-disables whatever the room's state still forbids
  }
}

async function openRoom(room) {
  if (!live) throw new Error('The live client is not available. Reload the page.');
  status.clear();
  const roomId = room.roomId ?? room.id;
  history.replaceState(null, '', `?room=${encodeURIComponent(roomId)}`);
  await live.join(roomId, room);
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
    const room = await createRoom(session.token, body);
    $('open-room-id').value = room.roomId ?? room.id;
    await openRoom(room);
    status.info('Room created. Share the viewer link, then go live.');
  });
});

$('open-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const roomId = $('open-room-id').value.trim();
  if (!roomId) return status.error({ code: 'validation_failed', message: 'Enter a room id.' });
  busy($('open-room'), async () => openRoom(await getRoom(session.token, roomId)));
});

$('go-live').addEventListener('click', (event) => busy(event.currentTarget, async () => {
  const room = await startRoom(session.token, live.state.roomId);
  live.applyStatus(room.status);
  status.info('You are live.');
}));

$('end-room').addEventListener('click', (event) => busy(event.currentTarget, async () => {
  const room = await endRoom(session.token, live.state.roomId);
  live.applyStatus(room.status);
  status.info('The show has ended.');
}));

$('slow-mode').addEventListener('change', (event) => {
  const select = event.currentTarget;
  const seconds = Number(select.value);
  select.dataset.pending = 'true';
  busy(select, async () => {
    try {
      await live.setSlowMode(seconds);
      status.info(seconds ? `Slow mode on: one message every ${seconds} s per viewer.` : 'Slow mode off.');
    } catch (err) {
      select.value = String(live.state.slowModeSeconds); // the server said no; show what is in force
      throw err;
    } finally {
      delete select.dataset.pending;
    }
  });
});

$('copy-room-id').addEventListener('click', async () => {
  const roomId = $('room-id').textContent;
  try {
    await navigator.clipboard.writeText(roomId);
    status.info('Room id copied.');
  } catch {
    getSelection().selectAllChildren($('room-id')); // clipboard blocked: leave it ready for Ctrl+C
    status.info('Press Ctrl+C (or long-press) to copy the selected room id.');
  }
});

$('chat-list').addEventListener('click', (event) => {
  const button = event.target.closest('button');
  const li = button?.closest('li');
  if (!li) return;
  if (button.classList.contains('mute')) mute(button, li);
  else if (button.classList.contains('delete')) remove(button, li);
});

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
    await live.invoke('MuteUser', li.dataset.userId, seconds);
    status.info(`${who} is muted for ${seconds} s.`);
  });
}

function remove(button, li) {
  busy(button, async () => {
    await live.invoke('DeleteChat', li.dataset.messageId);
    chat.remove(li.dataset.messageId); // don't wait for the broadcast to confirm
  });
}
