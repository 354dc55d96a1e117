// Merchant console: create products with regional prices; keep the list of what this browser created;
// set a room's audience reach and watch its figures live.
import { createProduct, getProduct } from './commerce.js';
import { setupDeals } from './merchant-deals.js';
import { setupMetrics } from './merchant-metrics.js';
import { setupReach } from './merchant-reach.js';
import { setupReport } from './merchant-report.js';
import { formatMoney, isCurrency, parseMajor } from './money.js';
import { renderShell } from './shell.js';
import { $, copyText, el, invalid } from './ui.js';
import { productRow } from './widgets.js';

const shell = renderShell({
  section: 'Merchant',
  storageKey: 'broadcart.merchant',
  roles: ['merchant'],
  defaultUserId: 'merchant1',
  namePlaceholder: 'Shown to streamers',
});
const { status, fail } = shell;
const rows = $('price-rows');
const list = $('product-list');
let session = null;
let loadRun = 0; // a sign-out or a second sign-in makes earlier loads drop their answers

// Enough to pre-fill the usual cases; anything else is typed in.
const CURRENCY_BY_REGION = {
  US: 'USD', CA: 'CAD', MX: 'MXN', BR: 'BRL', GB: 'GBP', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN',
  DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', NL: 'EUR', BE: 'EUR', AT: 'EUR', IE: 'EUR', PT: 'EUR', FI: 'EUR',
  JP: 'JPY', CN: 'CNY', HK: 'HKD', MO: 'MOP', TW: 'TWD', KR: 'KRW', SG: 'SGD', IN: 'INR', AU: 'AUD', NZ: 'NZD',
};

// ---------------------------------------------------------------- saved ids

const storageKey = () => `broadcart.merchant.products.${session?.userId ?? ''}`;

function savedIds() {
  try {
    const ids = JSON.parse(localStorage.getItem(storageKey()));
    return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function saveIds(ids) {
  try {
    localStorage.setItem(storageKey(), JSON.stringify([...new Set(ids)]));
  } catch {
    // Private mode or full storage: the list just won't survive a reload.
  }
}

// ---------------------------------------------------------------- price rows

function addPriceRow({ region = '', currency = '' } = {}) {
  const row = $('price-row-template').content.firstElementChild.cloneNode(true);
  row.querySelector('.price-region').value = region;
  const cur = row.querySelector('.price-currency');
  cur.value = currency || CURRENCY_BY_REGION[region] || '';
  if (!currency) cur.dataset.auto = 'true';
  rows.append(row);
  syncRemoveButtons();
  return row;
}

function syncRemoveButtons() {
  const buttons = rows.querySelectorAll('.remove-price');
  buttons.forEach((b) => { b.disabled = buttons.length === 1; });
}

rows.addEventListener('click', (event) => {
  const button = event.target.closest('.remove-price');
  if (!button || button.disabled) return;
  button.closest('.price-row').remove();
  syncRemoveButtons();
  rows.querySelector('.price-region')?.focus();
});

rows.addEventListener('input', (event) => {
  const input = event.target;
  input.removeAttribute('aria-invalid');
  if (input.classList.contains('price-currency')) delete input.dataset.auto; // typed by hand: keep it
  if (!input.classList.contains('price-region')) return;
  const cur = input.closest('.price-row').querySelector('.price-currency');
  const guess = CURRENCY_BY_REGION[input.value.trim().toUpperCase()];
  if (cur.dataset.auto && guess) cur.value = guess;
});

$('add-price-row').addEventListener('click', () => addPriceRow().querySelector('.price-region').focus());

function readPrices() {
  const prices = [];
  for (const row of rows.querySelectorAll('.price-row')) {
    const regionIn = row.querySelector('.price-region');
    const currencyIn = row.querySelector('.price-currency');
    const amountIn = row.querySelector('.price-amount');
    const region = regionIn.value.trim().toUpperCase();
    const currency = currencyIn.value.trim().toUpperCase();
    if (!region && !currency && !amountIn.value.trim()) continue; // a blank spare row
    if (!/^[A-Z]{2}$/.test(region)) throw invalid('Price region must be two letters, e.g. US.', regionIn);
    if (prices.some((p) => p.region === region)) throw invalid(`Two prices for ${region}; keep one.`, regionIn);
    if (!isCurrency(currency)) throw invalid(`Price for ${region}: "${currency}" is not a currency code (USD, EUR, JPY…).`, currencyIn);
    let amountMinor;
    try {
      amountMinor = parseMajor(amountIn.value, currency, `Price for ${region}`);
    } catch (err) {
      throw invalid(err.message, amountIn);
    }
    prices.push({ region, currency, amountMinor });
  }
  if (!prices.length) throw invalid('Add at least one price.', rows.querySelector('.price-region'));
  return prices;
}

// ---------------------------------------------------------------- create

// The server's `detail` names the field; point at it.
const FIELD_INPUTS = [
  [/\bshipsTo\b/i, 'product-ships-to'], [/\bprices?\b/i, 'price-rows'], [/\btitle\b/i, 'product-title'],
  [/\bdescription\b/i, 'product-description'], [/\bimageUrl\b/i, 'product-image-url'], [/\bstock\b/i, 'product-stock'],
];

function markServerField(message) {
  const id = FIELD_INPUTS.find(([pattern]) => pattern.test(message))?.[1];
  const el = id === 'price-rows' ? rows.querySelector('.price-amount') : id && $(id);
  el?.setAttribute('aria-invalid', 'true');
  el?.focus();
}

function readProduct() {
  const title = $('product-title').value.trim();
  if (!title) throw invalid('Give the product a title.', $('product-title'));
  const stockText = $('product-stock').value.trim();
  if (!/^\d+$/.test(stockText)) throw invalid('Stock must be a whole number, 0 or more.', $('product-stock'));
  const product = { title, stock: Number(stockText), prices: readPrices() };
  const description = $('product-description').value.trim();
  if (description) product.description = description;
  const imageUrl = $('product-image-url').value.trim();
  if (imageUrl) {
    if (!/^https?:\/\/\S+$/i.test(imageUrl)) throw invalid('Image URL must start with https://', $('product-image-url'));
    product.imageUrl = imageUrl;
  }
  const shipsTo = [...new Set($('product-ships-to').value.toUpperCase().split(/[\s,;]+/).filter(Boolean))];
  const bad = shipsTo.find((r) => !/^[A-Z]{2}$/.test(r));
  if (bad) throw invalid(`Ships to: "${bad}" is not a two-letter region code.`, $('product-ships-to'));
  product.shipsTo = shipsTo;
  return product;
}

$('product-form').addEventListener('input', (event) => event.target.removeAttribute?.('aria-invalid'));

$('product-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('create-product');
  let product;
  try {
    product = readProduct();
  } catch (err) {
    status.error(err);
    return;
  }
  button.disabled = true;
  try {
    const created = await createProduct(session.token, product);
    saveIds([created.id, ...savedIds()]);
    list.prepend(renderProduct(created));
    status.info(`Created “${created.title}”. Copy its id into the streamer console's showcase.`);
    $('product-title').value = '';
    $('product-description').value = '';
    $('product-image-url').value = '';
    rows.querySelectorAll('.price-amount').forEach((input) => { input.value = ''; });
  } catch (err) {
    if (fail(err) === 'validation_failed') markServerField(err.message ?? '');
  } finally {
    button.disabled = false;
  }
});

// ---------------------------------------------------------------- list

function renderProduct(p) {
  const prices = (p.prices ?? []).map((x) => `${x.region} ${formatMoney(x)}`).join(' · ');
  const ships = (p.shipsTo ?? []).join(' ');
  return productRow(p, {
    details: [
      el('span', 'product-stock', Number.isInteger(p.stock) ? `Stock ${p.stock}` : ''),
      el('span', 'product-meta', [prices, ships && `ships to ${ships}`].filter(Boolean).join(' · ')),
    ],
    controls: [idRow(p.id)],
  });
}

function idRow(id) {
  const row = el('div', 'room-id-row');
  const copy = el('button', 'copy small', 'Copy id');
  copy.type = 'button';
  row.append(el('code', 'room-id product-id', id), copy);
  return row;
}

list.addEventListener('click', (event) => {
  const code = event.target.closest('button.copy')?.closest('li')?.querySelector('.product-id');
  if (code) copyText(code, status, 'product id');
});

async function loadSaved() {
  const run = ++loadRun;
  const ids = savedIds();
  const placeholders = ids.map((id) => {
    const li = renderProduct({ id, title: 'Loading…' });
    list.append(li);
    return li;
  });
  const results = await Promise.allSettled(ids.map((id) => getProduct(session.token, id)));
  if (run !== loadRun) return;
  const gone = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled' && r.value) placeholders[i].replaceWith(renderProduct(r.value));
    else if (r.reason?.code === 'not_found') {
      gone.push(ids[i]);
      placeholders[i].remove();
    } else {
      placeholders[i].querySelector('.product-title').textContent = 'Could not load this product';
    }
  });
  if (gone.length) {
    saveIds(savedIds().filter((id) => !gone.includes(id)));
    status.info(`${gone.length} saved product(s) no longer exist on the server (a development server keeps nothing across restarts).`);
  }
  const unauthorized = results.find((r) => r.reason?.code === 'unauthorized');
  if (unauthorized) fail(unauthorized.reason);
}

// ---------------------------------------------------------------- reach and metrics

const metrics = setupMetrics({ getSession: () => session, fail });
const report = setupReport({ getSession: () => session, fail });
const deals = setupDeals({ getSession: () => session, fail });
const reach = setupReach({
  getSession: () => session, fail, onRoom: (roomId) => { metrics.suggestRoom(roomId); report.suggestRoom(roomId); },
});

// ---------------------------------------------------------------- session

shell.start({
  onSignedIn(s) {
    session = s;
    $('merchant-workspace').hidden = false;
    $('metrics-panel').hidden = false;
    $('report-panel').hidden = false;
    if (!rows.children.length) addPriceRow({ region: s.region });
    if (!$('product-ships-to').value.trim()) $('product-ships-to').value = s.region;
    list.replaceChildren();
    loadSaved();
    deals.show();
  },
  onSignedOut() {
    session = null;
    loadRun++;
    list.replaceChildren();
    reach.reset();
    metrics.reset();
    report.reset();
    deals.reset();
    $('merchant-workspace').hidden = true;
    $('metrics-panel').hidden = true;
    $('report-panel').hidden = true;
  },
});
