// Viewer page, "Discover": the live rooms shown in the viewer's region, each with a Join button.
// Every feed call counts an impression for each room listed, so it is read on sign-in, on
// Refresh, and every 10 s at most while the page is visible and the viewer is not in a show.
import { hubError } from './api.js';
import { getFeed } from './reach.js';
import { regionName } from './regions.js';
import { $ } from './ui.js';

const AUTO_REFRESH_MS = 10000;
const count = new Intl.NumberFormat();

function item(room, joinedId) {
  const li = document.createElement('li');
  li.className = 'feed-item';
  li.dataset.roomId = room.roomId;
  if (room.paid) li.dataset.paid = 'true';
  if (room.roomId === joinedId) li.setAttribute('aria-current', 'true');

  const main = document.createElement('div');
  main.className = 'feed-main';
  const title = document.createElement('span');
  title.className = 'feed-title';
  title.textContent = room.title || 'Untitled show';
  const meta = document.createElement('span');
  meta.className = 'feed-meta';
  const watching = `${count.format(room.viewerCount ?? 0)} watching`;
  meta.textContent = [room.streamerName && `with ${room.streamerName}`, watching].filter(Boolean).join(' · ');
  main.append(title, meta);
  if (room.paid) {
    const badge = document.createElement('span');
    badge.className = 'badge sponsored';
    badge.textContent = 'Sponsored';
    main.prepend(badge);
  }

  const join = document.createElement('button');
  join.type = 'button';
  join.className = 'feed-join small primary';
  join.textContent = room.roomId === joinedId ? 'Watching' : 'Join';
  join.disabled = room.roomId === joinedId;
  join.setAttribute('aria-label', `Join ${room.title || 'this show'}`);
  li.append(main, join);
  return li;
}

/**
 * getSession() returns the signed-in viewer; join(roomId) joins a room as the Join form does;
 * fail(err) is the page's. Returns { start(), stop(), setJoined(roomId) }.
 */
export function setupFeed({ getSession, join, fail }) {
  const panel = $('feed-panel');
  const list = $('feed-list');
  const empty = $('feed-empty');
  const refresh = $('feed-refresh');
  let rooms = [];
  let joinedId = null;
  let running = false;
  let generation = 0; // a sign-out or a new sign-in drops answers meant for the last one
  let loaded = false;
  let loading = null;
  let lastLoad = 0;
  let timer = 0;

  function draw() {
    if (!loaded) return;
    list.replaceChildren(...rooms.map((r) => item(r, joinedId)));
    empty.textContent = rooms.length ? '' : 'No live shows in your region right now. Try Refresh in a moment.';
  }

  function load() {
    if (loading?.generation === generation) return loading.promise;
    const session = getSession();
    if (!session || !running) return Promise.resolve();
    const mine = generation;
    const current = () => running && mine === generation;
    refresh.disabled = true;
    lastLoad = Date.now();
    const promise = getFeed(session.token)
      .then((feed) => {
        if (!current()) return;
        loaded = true;
        rooms = Array.isArray(feed?.rooms) ? feed.rooms.filter((r) => r?.roomId) : [];
        const region = feed?.region ?? session.region;
        $('feed-region').textContent = `Live in ${regionName(region) || region}`;
        draw();
      })
      .catch((err) => {
        if (!current()) return;
        const { code, message } = hubError(err);
        if (code === 'unauthorized') fail(err);
        else empty.textContent = `Could not load live shows: ${message}`;
      })
      .finally(() => {
        if (loading?.promise === promise) loading = null;
        if (!current()) return;
        refresh.disabled = false;
        schedule();
      });
    loading = { generation: mine, promise };
    return promise;
  }

  // Only a feed someone is looking at earns its impressions: no timer while the page is hidden
  // or the viewer is in a show; visibilitychange and setJoined(null) pick it up again.
  const wanted = () => running && !joinedId && document.visibilityState === 'visible';

  function schedule() {
    clearTimeout(timer);
    if (!wanted()) return;
    timer = setTimeout(() => (wanted() ? load() : undefined), Math.max(1000, AUTO_REFRESH_MS - (Date.now() - lastLoad)));
  }

  document.addEventListener('visibilitychange', () => {
    if (wanted() && Date.now() - lastLoad >= AUTO_REFRESH_MS) load();
    else schedule();
  });

  refresh.addEventListener('click', () => load());

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button.feed-join');
    const id = button?.closest('li')?.dataset.roomId;
    if (id && !button.disabled) join(id);
  });

  return {
    start() {
      running = true;
      generation++;
      loaded = false;
      panel.hidden = false;
      rooms = [];
      list.replaceChildren();
      empty.textContent = 'Loading live shows…';
      load();
    },
    stop() {
      running = false;
      generation++;
      loaded = false;
      clearTimeout(timer);
      refresh.disabled = false;
      panel.hidden = true;
      rooms = [];
      joinedId = null;
      list.replaceChildren();
      empty.textContent = '';
    },
    /** The room the viewer is in (or null): marked in the list, and auto-refresh pauses meanwhile. */
    setJoined(roomId) {
      if (roomId === joinedId) return;
      joinedId = roomId ?? null;
      draw();
      schedule(); // stops the timer while in a show, restarts it after
    },
  };
}
