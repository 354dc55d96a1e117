// Streamer console, products panel: showcase, pin, flash sale and the purchase ticker.
import { ApiError } from './api.js';
import {
  SALE_LABELS, addToShowcase, countdown, everySecond, getProduct, pinProduct, saleState, startFlashSale, titleIn,
} from './commerce.js';
import { formatMoney, parseMajor, sameMoney } from './money.js';
import { $, el } from './ui.js';
import { addToTicker, productRow } from './widgets.js';

const sameRegion = (a, b) => !!a && !!b && String(a).toUpperCase() === String(b).toUpperCase();

function wholeNumber(input, label, min, max = Number.MAX_SAFE_INTEGER) {
  const text = input.value.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    input.focus();
    throw new ApiError('validation_failed', max < Number.MAX_SAFE_INTEGER
      ? `${label}: enter a whole number from ${min} to ${max}.`
      : `${label}: enter a whole number, at least ${min}.`);
  }
  return n;
}

/**
 * getLive/getSession return the page's current LiveRoom and session; busy(button, action) and
 * fail(err) are the page's own. Returns { render(state), onPurchase(p), reset() }.
 */
export function setupProducts({ getLive, getSession, status, busy }) {
  const list = $('showcase-list');
  const select = $('sale-product');
  let products = new Map(); // productId -> Promise<product>, for the home-region price
  let drawn = { roomId: null, showcase: null, homeRegion: null };

  const homeRegion = () => getLive()?.state.homeRegion || getSession()?.region || '';

  function fetchProduct(id) {
    if (!products.has(id)) {
      const p = getProduct(getSession().token, id);
      products.set(id, p);
      p.catch(() => products.delete(id)); // try again next time
    }
    return products.get(id);
  }

  /** { price, listPrice } in the room's home region (null price: not sold there). */
  async function homePricing(id) {
    const region = homeRegion();
    const item = getLive()?.state.showcase.find((p) => p?.id === id);
    // The showcase comes rendered for one region; when that is the home region it is the answer.
    if (item && sameRegion(item.region, region) && (item.price || item.listPrice)) {
      return { price: item.price ?? item.listPrice, listPrice: item.listPrice ?? item.price };
    }
    const product = await fetchProduct(id);
    const price = product?.prices?.find((p) => sameRegion(p.region, region)) ?? null;
    return { price, listPrice: price };
  }

  function priceNodes(pricing) {
    const price = el('span', 'price');
    if (!pricing.price) {
      price.classList.add('unavailable');
      price.textContent = `not sold in ${homeRegion()}`;
      return [price];
    }
    price.textContent = formatMoney(pricing.price);
    if (!pricing.listPrice || sameMoney(pricing.price, pricing.listPrice)) return [price];
    return [price, ' ', el('s', 'list-price', formatMoney(pricing.listPrice))];
  }

  function fillPrice(li) {
    const slot = li.querySelector('.price-slot');
    homePricing(li.dataset.productId).then(
      (pricing) => slot.replaceChildren(...priceNodes(pricing)),
      () => { slot.textContent = 'price unavailable'; },
    );
  }

  function drawShowcase(showcase) {
    list.replaceChildren(...showcase.filter((p) => p?.id).map((p) => {
      const pin = el('button', 'pin small');
      pin.type = 'button';
      const li = productRow(p, { details: [el('span', 'price-slot', '…'), el('code', 'product-id', p.id)], controls: [pin] });
      fillPrice(li);
      return li;
    }));

    const chosen = select.value;
    select.replaceChildren(...showcase.filter((p) => p?.id).map((p) => new Option(p.title || p.id, p.id)));
    if (chosen && [...select.options].some((o) => o.value === chosen)) select.value = chosen;
    else if (getLive()?.state.pinned?.id) select.value = getLive().state.pinned.id;
    updateSaleCurrency();
  }

  async function updateSaleCurrency() {
    const id = select.value;
    const label = $('sale-price-currency');
    if (!id) { label.textContent = "the home region's currency"; return; }
    try {
      const { price } = await homePricing(id);
      if (select.value === id) label.textContent = price ? price.currency : `(no ${homeRegion()} price)`;
    } catch {
      if (select.value === id) label.textContent = "the home region's currency";
    }
  }

  function drawPinned(pinned) {
    const out = $('pinned-product');
    if (!pinned) { out.textContent = 'Nothing pinned yet.'; return; }
    const price = pinned.available === false ? 'not available here' : formatMoney(pinned.price ?? pinned.listPrice);
    out.replaceChildren(el('strong', '', pinned.title || pinned.id), ' ', el('span', 'price', price));
  }

  function drawSale() {
    const state = getLive()?.state;
    const sale = state?.flashSale ?? null;
    const st = saleState(sale);
    const el = $('sale-state');
    el.textContent = SALE_LABELS[st] ?? st;
    el.dataset.state = st;
    el.title = sale ? titleIn(state, sale.productId) : '';
    $('sale-remaining').textContent = sale && typeof sale.remaining === 'number' ? String(sale.remaining) : '–';
    const running = st === 'started' || st === 'soldOut';
    $('sale-countdown').textContent = running ? countdown(sale.endsAt).text : st === 'ended' ? '00:00' : '–';
    $('start-sale').disabled = !state?.roomId || !select.options.length || st === 'started' || state.status === 'ended';
  }

  function render(state) {
    $('products-section').hidden = !state.roomId;
    if (state.roomId !== drawn.roomId) $('purchase-ticker').replaceChildren(); // another room's buyers
    if (state.roomId !== drawn.roomId || state.showcase !== drawn.showcase || state.homeRegion !== drawn.homeRegion) {
      drawn = { roomId: state.roomId, showcase: state.showcase, homeRegion: state.homeRegion };
      drawShowcase(state.showcase);
    }
    const pinnedId = state.pinned?.id;
    for (const li of list.children) {
      const pinned = li.dataset.productId === pinnedId;
      li.classList.toggle('pinned', pinned);
      const button = li.querySelector('button.pin');
      button.textContent = pinned ? 'Pinned' : 'Pin';
      button.setAttribute('aria-pressed', String(pinned));
      button.disabled = pinned || state.status === 'ended';
    }
    drawPinned(state.pinned);
    drawSale();
  }

  everySecond(drawSale);
  select.addEventListener('change', updateSaleCurrency);

  $('showcase-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('showcase-product-id');
    const productId = input.value.trim();
    if (!productId) return status.error({ code: 'validation_failed', message: 'Enter a product id.' });
    busy($('add-showcase'), async () => {
      const live = getLive();
      live.applyRoomView(await addToShowcase(getSession().token, live.state.roomId, productId));
      input.value = '';
      status.info(`Added “${titleIn(live.state, productId) || productId}” to the showcase.`);
    });
  });

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button.pin');
    const li = button?.closest('li');
    if (!li) return;
    busy(button, async () => {
      const live = getLive();
      live.applyRoomView(await pinProduct(getSession().token, live.state.roomId, li.dataset.productId));
      status.info(`Pinned “${titleIn(live.state, li.dataset.productId)}”.`);
    });
  });

  $('sale-form').addEventListener('submit', (event) => {
    event.preventDefault();
    busy($('start-sale'), async () => {
      const live = getLive();
      const productId = select.value;
      if (!productId) throw new ApiError('validation_failed', 'Add a product to the showcase first.');
      const body = {
        productId,
        quantity: wholeNumber($('sale-quantity'), 'Quantity', 1),
        perUserLimit: wholeNumber($('sale-limit'), 'Per viewer', 1),
        durationSeconds: wholeNumber($('sale-duration'), 'Seconds', 10, 1800),
      };
      const priceText = $('sale-price-amount').value.trim();
      if (priceText) {
        const { price } = await homePricing(productId);
        if (!price) {
          throw new ApiError('validation_failed', `This product has no ${homeRegion()} price; leave the sale price empty.`);
        }
        body.price = { currency: price.currency, amountMinor: parseMajor(priceText, price.currency, 'Sale price') };
      }
      const sale = await startFlashSale(getSession().token, live.state.roomId, body);
      live.applyFlashSale(sale);
      $('sale-price-amount').value = '';
      status.info(`Flash sale started: ${body.quantity} × “${titleIn(live.state, productId) || productId}” for ${body.durationSeconds} s.`);
    });
  });

  return {
    render,
    onPurchase: (p) => addToTicker($('purchase-ticker'), p, (id) => titleIn(getLive()?.state ?? {}, id)),
    reset() {
      products = new Map();
      drawn = { roomId: null, showcase: null, homeRegion: null };
      list.replaceChildren();
      select.replaceChildren();
      $('purchase-ticker').replaceChildren();
      $('products-section').hidden = true;
    },
  };
}
