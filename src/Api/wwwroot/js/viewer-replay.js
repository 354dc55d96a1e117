// The viewer page's replay: an ended show played back on its own timeline (chat, pins, showcase,
// sale moments, purchases) with seek, and its showcase for sale at the regular price.
import { rest } from './api.js';
import { formatMoney } from './money.js';
import { $, el } from './ui.js';

const PAGE = 500;
const TICK_MS = 250;
const CHAT_SHOWN = 200;

const clock = (ms) => {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

async function fetchReplay(token, roomId) {
  const events = [];
  let after = null;
  do {
    const page = await rest(token).getReplayPage(roomId, after, PAGE);
    events.push(...(page.events ?? []));
    after = page.next ?? null;
  } while (after !== null);
  return events;
}

/** getSession(): the signed-in session; fail(err): the page's error line. Returns { render(state), reset() }. */
export function setupReplay({ getSession, fail }) {
  let roomId = null;
  let events = [];
  let products = [];
  let position = 0;
  let playing = false;
  let timer = null;
  let last = 0;

  const duration = () => (events.length ? events[events.length - 1].offsetMs : 0);

  function stop() {
    playing = false;
    clearInterval(timer);
    timer = null;
    $('replay-play').textContent = 'Play';
  }

  function play() {
    if (position >= duration()) position = 0;
    playing = true;
    last = performance.now();
    $('replay-play').textContent = 'Pause';
    timer = setInterval(() => {
      const now = performance.now();
      position = Math.min(duration(), position + (now - last));
      last = now;
      if (position >= duration()) stop();
      draw();
    }, TICK_MS);
  }

  function seek(ms) {
    position = Math.max(0, Math.min(duration(), ms));
    last = performance.now();
    draw();
  }

  // Everything up to the position, redrawn whole: a seek backwards is no special case.
  function draw() {
    const shown = events.filter((e) => e.offsetMs <= position);
    $('replay-seek').max = String(duration());
    $('replay-seek').value = String(Math.round(position));
    $('replay-time').textContent = `${clock(position)} / ${clock(duration())}`;
    $('replay-section').dataset.position = String(Math.round(position));

    const chat = shown.filter((e) => e.type === 'chat').slice(-CHAT_SHOWN);
    $('replay-chat').replaceChildren(...chat.map(({ payload: m }) => {
      const li = el('li', 'chat-item');
      li.dataset.seq = String(m.seq);
      li.append(el('span', 'chat-name', m.name || m.userId), ' ', el('span', 'chat-text', m.text));
      return li;
    }));
    $('replay-chat').scrollTop = $('replay-chat').scrollHeight;

    const pin = shown.filter((e) => e.type === 'productPinned').at(-1)?.payload ?? null;
    $('replay-pinned').textContent = pin ? `On screen: ${pin.title ?? pin.productId}` : 'Nothing pinned yet';
    const sale = shown.filter((e) => e.type === 'flashSale').at(-1)?.payload ?? null;
    $('replay-sale').textContent = sale?.state === 'started' ? 'A flash sale ran here (over now: regular prices apply)' : '';
    const bought = shown.filter((e) => e.type === 'purchase').slice(-3).reverse();
    $('replay-purchases').replaceChildren(...bought.map(({ payload: p }) => el('li', '', `${p.buyer} bought ${p.quantity} × ${titleOf(p.productId)}`)));
    for (const li of $('replay-shop').children) li.classList.toggle('on-screen', li.dataset.productId === pin?.productId);
  }

  const titleOf = (productId) => products.find((p) => p.id === productId)?.title ?? productId;

  function renderShop() {
    $('replay-shop').replaceChildren(...products.map((p) => {
      const li = el('li', 'replay-product');
      li.dataset.productId = p.id;
      const buy = el('button', 'primary small', 'Buy');
      buy.type = 'button';
      buy.disabled = !p.available || !p.price;
      buy.addEventListener('click', () => purchase(p, buy));
      li.append(el('span', 'replay-product-title', p.title), ' ', el('span', 'price', p.price ? formatMoney(p.price) : 'not sold here'), ' ', buy);
      return li;
    }));
  }

  async function purchase(product, button) {
    const session = getSession();
    button.disabled = true;
    try {
      const order = await rest(session.token).placeOrder(roomId, product.id, 1, crypto.randomUUID());
      const result = $('replay-order-result');
      result.dataset.orderId = order.orderId;
      result.dataset.source = order.source;
      result.textContent = `Order ${order.orderId} reserved: ${formatMoney(order.total)}. Pay before ${new Date(order.expiresAt).toLocaleTimeString()}.`;
    } catch (err) {
      fail(err);
    } finally {
      button.disabled = false;
    }
  }

  async function load() {
    const session = getSession();
    $('replay-start').disabled = true;
    try {
      const [timeline, room] = await Promise.all([
        fetchReplay(session.token, roomId),
        rest(session.token).getRoom(roomId),
      ]);
      events = timeline;
      products = Array.isArray(room.showcase) ? room.showcase : [];
      $('replay-player').hidden = false;
      $('replay-start').hidden = true;
      renderShop();
      seek(0);
      play();
    } catch (err) {
      fail(err);
    } finally {
      $('replay-start').disabled = false;
    }
  }

  $('replay-start').addEventListener('click', load);
  $('replay-play').addEventListener('click', () => (playing ? stop() : play()));
  $('replay-seek').addEventListener('input', (e) => seek(Number(e.target.value)));

  return {
    render(state) {
      const ended = !!state.snapshot && state.status === 'ended';
      if (!ended || state.roomId !== roomId) this.reset();
      roomId = ended ? state.roomId : null;
      $('replay-section').hidden = !ended;
    },
    reset() {
      stop();
      roomId = null;
      events = [];
      products = [];
      position = 0;
      $('replay-player').hidden = true;
      $('replay-start').hidden = false;
      $('replay-order-result').textContent = '';
      $('replay-section').hidden = true;
    },
  };
}
