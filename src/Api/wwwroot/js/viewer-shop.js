// Viewer page, shopping: the pinned product, flash sale strip, buying and the purchase ticker.
import { hubError } from './api.js';
import {
  activeSale, countdown, everySecond, getOrder, isSoldOut, titleIn,
} from './commerce.js';
import { formatMoney, sameMoney } from './money.js';
import { $, el, setText } from './ui.js';
import { addToTicker } from './widgets.js';

// Failures after which we cannot know whether the order was placed: keep the idempotency key so
// the retry either replays the first order or places it once. Everything else is a real answer.
const OUTCOME_UNKNOWN = new Set([
  'network', 'connection_lost', 'reconnecting', 'not_joined', 'service_unavailable', 'internal_error',
  'rate_limited', 'client_missing', 'hub_error', 'error',
]);

// crypto.randomUUID needs a secure context; a phone testing against http://192.168.x.x has none.
function newKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const shortId = (id) => (String(id).length > 8 ? `${String(id).slice(0, 8)}…` : String(id));

export function setupShop({ getLive, getSession, fail }) {
  const result = $('order-result');
  const quantityInput = $('buy-quantity');
  let attempt = null;      // { key, productId, quantity }: sent, but no answer came back
  let inFlight = false;
  let order = null;        // the last order this page placed, while it is worth showing
  let drawnOrder = '';     // what the result line shows now, so a tick only moves the clock
  let roomId = null;
  const tapped = new Set(); // products whose card tap was counted this page load

  function showLine(kind, code, ...parts) {
    result.replaceChildren(...parts);
    result.dataset.kind = kind;
    result.dataset.code = code;
  }

  function showError(code, message) {
    order = null;
    drawnOrder = '';
    showLine('error', code, message);
  }

  function paintOrder() {
    if (!order) return;
    const o = order;
    const status = String(o.status ?? 'reserved').toLowerCase();
    const left = countdown(o.expiresAt);
    const running = status === 'reserved' && left.seconds > 0;
    const key = `${o.orderId}|${status}|${running}`;
    if (key === drawnOrder) {
      if (running) setText(result.querySelector('.countdown'), left.text);
      return;
    }
    drawnOrder = key;
    const id = el('span', 'order-id', shortId(o.orderId));
    id.title = o.orderId;
    const total = formatMoney(o.total);
    const parts = [];
    if (running) {
      const clock = el('span', 'countdown', left.text);
      clock.setAttribute('aria-hidden', 'true'); // a live region must not read every second out
      const by = new Date(o.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      parts.push('Reserved! Order ', id, ` total ${total} — pay within `, clock, el('span', 'sr-only', ` (by ${by})`));
    } else if (status === 'reserved') {
      parts.push('The reservation for order ', id, ' has run out.');
      checkOrder(o);
    } else if (status === 'paid') {
      parts.push('Paid. Order ', id, ` total ${total}.`);
    } else if (status === 'expired') {
      parts.push('Order ', id, ' expired before payment; its stock went back on sale.');
    } else {
      parts.push('Order ', id, ` is ${status}.`);
    }
    showLine(running || status === 'paid' ? 'ok' : 'info', status, ...parts);
  }

  // Once the reservation clock runs out, ask the server how it ended (it may lag a few seconds).
  async function checkOrder(o) {
    if (o.checked) return;
    o.checked = true;
    for (let i = 0; i < 3 && order === o; i++) {
      try {
        const fresh = await getOrder(getSession().token, o.orderId);
        if (order !== o || !fresh) return;
        if (String(fresh.status).toLowerCase() !== 'reserved') {
          order = { ...fresh, checked: true };
          paintOrder();
          return;
        }
      } catch {
        // Try again shortly; after that it stays "run out".
      }
      await new Promise((resolve) => { setTimeout(resolve, 3000); });
    }
  }

  function paint() {
    const state = getLive()?.state;
    const shown = !!state?.snapshot;
    $('ticker-section').hidden = !shown;
    const p = shown ? state.pinned : null;
    $('pinned-card').hidden = !p;
    paintOrder();
    if (!p) return;

    const sale = activeSale(state, null);
    const saleHere = sale?.productId === p.id ? sale : null;
    const saleOver = !saleHere && state.flashSale?.productId === p.id;
    // After this product's sale the regular price applies again, even before a new pin arrives.
    const price = saleOver && p.listPrice ? p.listPrice : p.price;
    const soldOut = isSoldOut(state, p.id);

    setText($('pinned-title'), p.title || 'Product');
    setText($('pinned-description'), p.description ?? '');
    const img = $('pinned-image');
    const src = /^https?:\/\//i.test(p.imageUrl ?? '') ? p.imageUrl : '';
    if ((img.getAttribute('src') ?? '') !== src) {
      img.hidden = !src;
      if (src) img.src = src; else img.removeAttribute('src');
    }
    setText($('pinned-price'), p.available === false ? '' : formatMoney(price));
    const list = $('pinned-list-price');
    list.hidden = !(saleHere && p.listPrice && price && !sameMoney(p.listPrice, price));
    setText(list, list.hidden ? '' : formatMoney(p.listPrice));

    const purchasable = state.snapshot?.geo?.purchasable !== false;
    const availability = p.available === false ? 'Not available in your region'
      : !purchasable ? 'Purchases are not open in your region'
        : soldOut ? 'Sold out'
          : state.status === 'ended' ? 'This show has ended'
            : state.status !== 'live' ? 'Buying opens when the show goes live' : '';
    setText($('pinned-availability'), availability);

    const strip = $('sale-strip');
    strip.hidden = !sale;
    if (sale) {
      strip.dataset.state = sale.state;
      setText($('sale-remaining'), String(sale.remaining ?? 0));
      setText($('sale-countdown'), countdown(sale.endsAt).text);
      setText($('sale-product-note'), saleHere ? '' : `on ${titleIn(state, sale.productId) || 'another product'}`);
    }

    const retrying = attempt?.productId === p.id;
    // An unanswered attempt may already hold stock: let it be retried (a replay answers it) even
    // when the product has sold out or the show has ended since.
    const blocked = !!availability && !(retrying && p.available !== false);
    const button = $('buy-button');
    button.disabled = inFlight || blocked;
    setText(button, inFlight ? 'Reserving…' : retrying ? 'Retry purchase' : soldOut ? 'Sold out' : 'Buy now');
    quantityInput.disabled = inFlight || retrying || !!availability;
    if (retrying) quantityInput.value = String(attempt.quantity);
    if (saleHere?.perUserLimit) quantityInput.max = String(saleHere.perUserLimit);
    else quantityInput.removeAttribute('max');
  }

  async function buy() {
    const live = getLive();
    const p = live?.state.pinned;
    if (!p || inFlight) return;
    live.clickProduct(p.id);
    if (attempt?.productId !== p.id) {
      const text = quantityInput.value.trim();
      const quantity = Number(text);
      if (!/^\d+$/.test(text) || quantity < 1) {
        showError('validation_failed', 'Enter a quantity of 1 or more.');
        return;
      }
      attempt = { key: newKey(), productId: p.id, quantity };
    }
    const current = attempt;
    inFlight = true;
    order = null;
    drawnOrder = '';
    showLine('info', '', 'Reserving…');
    paint();
    try {
      const placed = await live.purchase(current.productId, current.quantity, current.key);
      attempt = null;
      order = placed ?? null;
      if (!order) showError('error', 'The server did not return the order.');
    } catch (err) {
      const { code, message } = hubError(err);
      console.warn(`[${code}]`, err);
      if (OUTCOME_UNKNOWN.has(code) || /^http_5/.test(code)) {
        showError(code, `${message} Your order may already be placed: “Retry purchase” checks without buying twice.`);
      } else {
        attempt = null;
        if (code === 'sold_out') live.markSoldOut(current.productId);
        if (code === 'unauthorized') fail(err);
        showError(code, message);
      }
    } finally {
      inFlight = false;
      paint();
    }
  }

  $('buy-form').addEventListener('submit', (event) => {
    event.preventDefault();
    buy();
  });

  $('pinned-card').addEventListener('click', (event) => {
    if (event.target.closest('form, button, input, label, a')) return;
    const id = getLive()?.state.pinned?.id;
    if (!id || tapped.has(id)) return;
    if (getLive().clickProduct(id)) tapped.add(id);
  });

  $('pinned-image').addEventListener('error', (event) => { event.currentTarget.hidden = true; });

  everySecond(paint);

  return {
    render(state) {
      if (state.roomId !== roomId) {
        // Another show: its buyers and our order there are not this room's business.
        roomId = state.roomId;
        order = null;
        attempt = null;
        showLine('', '');
        $('purchase-ticker').replaceChildren();
      }
      paint();
    },
    onPurchase: (p) => addToTicker($('purchase-ticker'), p, (id) => titleIn(getLive()?.state ?? {}, id)),
    reset() {
      roomId = null;
      order = null;
      attempt = null;
      showLine('', '');
      $('purchase-ticker').replaceChildren();
      $('pinned-card').hidden = true;
      $('ticker-section').hidden = true;
    },
  };
}
