// Widgets that more than one console renders the same way: the product row (the merchant's
// products, the streamer's showcase) and the purchase ticker (the streamer's and the viewer's).
import { el } from './ui.js';

/**
 * <li class="product-item" data-product-id> with the product's title, then the page's own
 * details beside it (stock, prices, id), then the page's own controls (copy, pin).
 */
export function productRow(product, { details = [], controls = [] } = {}) {
  const main = el('div', 'product-main');
  main.append(el('span', 'product-title', product.title || product.id), ' ', ...details);
  const li = el('li', 'product-item');
  li.dataset.productId = product.id;
  li.append(main, ...controls);
  return li;
}

const TICKER_CAP = 20;

/** Adds a purchase to a ticker <ul>: most recent first, at most 20; every field is user data, so text nodes only. */
export function addToTicker(ul, purchase, titleOf) {
  const li = el('li', 'ticker-item');
  li.dataset.productId = purchase.productId ?? '';
  const quantity = Number.isInteger(purchase.quantity) && purchase.quantity > 1 ? `${purchase.quantity} × ` : '';
  const now = new Date();
  const time = el('time', '', now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
  time.dateTime = now.toISOString();
  li.append(
    el('strong', '', purchase.buyer || 'Someone'),
    el('span', '', ` bought ${quantity}${titleOf(purchase.productId) || 'a product'}`),
    time,
  );
  ul.prepend(li);
  while (ul.children.length > TICKER_CAP) ul.lastElementChild.remove();
}
