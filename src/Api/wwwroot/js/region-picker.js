// A filterable checklist of regions, each with "Pay to reach" and "Exclude" toggles.
// Exclusion wins: the two toggles of a row are never both on.
import { MARKETS, regionName } from './regions.js';

const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO']);

function toggle(kind, code, label, name) {
  const wrap = document.createElement('label');
  wrap.className = `toggle ${kind}`;
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.className = `reach-${kind}`;
  input.value = code;
  input.setAttribute('aria-label', `${label}: ${name} (${code})`); // each row says which region it is
  wrap.append(input, ` ${label}`);
  return wrap;
}

function row(code, name, extra = false) {
  const li = document.createElement('li');
  li.className = 'region-row';
  li.dataset.region = code;
  li.dataset.search = `${code} ${name}`.toLowerCase();
  if (extra) li.dataset.extra = 'true';
  const text = document.createElement('span');
  text.className = 'region-text';
  const codeEl = document.createElement('span');
  codeEl.className = 'region-code';
  codeEl.textContent = code;
  const nameEl = document.createElement('span');
  nameEl.className = 'region-name';
  nameEl.textContent = name;
  text.append(codeEl, ' ', nameEl);
  li.append(text, toggle('paid', code, 'Pay to reach', name), toggle('excluded', code, 'Exclude', name));
  return li;
}

/**
 * list: the <ul> to fill; filter: the text input; summary: where the choice is spelled out.
 * Returns { value(), set({ regions, excludedRegions }), clear() }.
 */
export function createRegionPicker({ list, filter, summary, onChange }) {
  list.replaceChildren(...MARKETS.map(([code, name]) => row(code, name)));
  const empty = document.createElement('li');
  empty.className = 'region-empty';
  empty.textContent = 'No region matches. Type a two-letter code (e.g. LU) to add one.';
  empty.hidden = true;
  list.append(empty);

  const rowOf = (code) => list.querySelector(`li.region-row[data-region="${code}"]`);
  const checked = (kind) => [...list.querySelectorAll(`input.reach-${kind}:checked`)].map((i) => i.value);

  // A code outside the list gets a row of its own, once the server may know it.
  function ensureRow(code) {
    const upper = String(code).trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(upper)) return null;
    const existing = rowOf(upper);
    if (existing) return existing;
    const li = row(upper, regionName(upper) || 'Other region', true);
    list.insertBefore(li, empty);
    return li;
  }

  function applyFilter() {
    const q = filter.value.trim().toLowerCase();
    const code = q.toUpperCase();
    if (/^[A-Z]{2}$/.test(code) && !rowOf(code) && regionName(code) && !NOT_COUNTRIES.has(code)) ensureRow(code);
    let shown = 0;
    for (const li of list.querySelectorAll('li.region-row')) {
      // A chosen row that is filtered out still counts; only what is on screen changes.
      const match = !q || li.dataset.search.includes(q);
      li.hidden = !match;
      if (match) shown++;
    }
    empty.hidden = shown > 0;
  }

  function describe() {
    const paid = checked('paid');
    const excluded = checked('excluded');
    const parts = [];
    parts.push(paid.length ? `Pay to reach ${paid.length}: ${paid.join(', ')}` : 'No paid regions (organic in the home region only)');
    if (excluded.length) parts.push(`Excluded ${excluded.length}: ${excluded.join(', ')}`);
    summary.textContent = parts.join(' · ');
    summary.dataset.paid = paid.join(' ');
    summary.dataset.excluded = excluded.join(' ');
  }

  list.addEventListener('change', (event) => {
    const input = event.target;
    if (input.checked && input.matches('input.reach-paid, input.reach-excluded')) {
      const other = input.classList.contains('reach-paid') ? 'excluded' : 'paid';
      input.closest('li').querySelector(`input.reach-${other}`).checked = false;
    }
    describe();
    onChange?.();
  });

  filter.addEventListener('input', applyFilter);
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault(); // a filter, not a submit
    if (event.key === 'Escape' && filter.value) {
      filter.value = '';
      applyFilter();
    }
  });

  function set({ regions = [], excludedRegions = [] } = {}) {
    list.querySelectorAll('input[type=checkbox]').forEach((i) => { i.checked = false; });
    for (const code of regions) {
      const li = ensureRow(code);
      if (li) li.querySelector('input.reach-paid').checked = true;
    }
    for (const code of excludedRegions) {
      const li = ensureRow(code);
      if (!li) continue;
      li.querySelector('input.reach-paid').checked = false; // exclusion wins
      li.querySelector('input.reach-excluded').checked = true;
    }
    describe();
  }

  applyFilter();
  describe();
  return {
    value: () => ({ regions: checked('paid'), excludedRegions: checked('excluded') }),
    set,
    clear: () => set(),
  };
}
