// Merchant console, reach panel: load a room's reach, pick regions, set budget and bid, save.
import { hubError } from './api.js';
import { isCurrency, parseMajor, toMajorText } from './money.js';
import { describeReach, getReach, putReach } from './reach.js';
import { createRegionPicker } from './region-picker.js';
import { $, el, invalid, statusNote } from './ui.js';

const REFRESH_MS = 15000; // spend moves as impressions are bought; GET reach counts nothing
const AUTO_REFRESH_MS = 5000; // an auto reach re-plans every few seconds: show it moving
const MAX_PLANNED_MINUTES = 1440;

// The server's `detail` names the field; point at it.
const FIELD_INPUTS = [
  [/\bbidCpm\b|\bbid\b/i, 'reach-bid-amount'], [/\bbudget\b/i, 'reach-budget-amount'],
  [/\bcurrenc/i, 'reach-currency'], [/\bregion/i, 'region-filter'], [/\bplannedMinutes\b|\bplanned\b/i, 'reach-planned-minutes'],
];

/** getSession() returns the signed-in merchant; fail(err) is the page's (signs out on 401). */
export function setupReach({ getSession, fail, onRoom }) {
  const picker = createRegionPicker({ list: $('region-list'), filter: $('region-filter'), summary: $('reach-summary') });
  let roomId = '';   // the room whose reach the form shows
  let run = 0;       // a newer load, a sign-out or another room drops older answers
  let timer = 0;
  let lastMode = 'manual'; // the saved reach's mode: auto refreshes more often

  const show = statusNote($('reach-status'));

  function showAllocation(reach) {
    const rows = reach?.mode === 'auto' && Array.isArray(reach.allocation) ? reach.allocation : [];
    $('reach-allocation').hidden = rows.length === 0;
    $('reach-allocation-rows').replaceChildren(...rows.map((a) => {
      const tr = el('tr');
      tr.dataset.region = a.region;
      tr.append(el('td', '', a.region), el('td', '', `${(a.share * 100).toFixed(1)}%`),
        el('td', '', a.roi === null || a.roi === undefined ? 'measuring' : a.roi.toFixed(2)));
      return tr;
    }));
  }

  function showReach(reach) {
    lastMode = reach?.mode ?? 'manual';
    showAllocation(reach);
    if (!reach) {
      show('organic', 'Organic only: no reach is set, so the room is shown in its home region only.');
      return;
    }
    show(String(reach.state ?? ''), describeReach(reach));
  }

  function syncMode() {
    $('reach-planned-field').hidden = $('reach-mode').value !== 'auto';
  }

  function showError(err) {
    const { code, message } = hubError(err);
    if (code === 'unauthorized') {
      fail(err);
      return code;
    }
    show('error', message, code);
    return code;
  }

  function fill(reach) {
    picker.set(reach ?? {});
    if (!reach) return; // keep whatever budget and bid the merchant has typed
    $('reach-currency').value = reach.budget?.currency ?? $('reach-currency').value;
    $('reach-budget-amount').value = toMajorText(reach.budget);
    $('reach-bid-amount').value = toMajorText(reach.bidCpm);
    $('reach-mode').value = reach.mode === 'auto' ? 'auto' : 'manual';
    if (reach.plannedMinutes) $('reach-planned-minutes').value = String(reach.plannedMinutes);
    syncMode();
  }

  function schedule(myRun) {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (myRun !== run) return;
      if (document.visibilityState !== 'visible') return schedule(myRun);
      try {
        const reach = await getReach(getSession().token, roomId);
        if (myRun === run) showReach(reach);
      } catch {
        // Keep the last figures; the next tick tries again.
      }
      if (myRun === run) schedule(myRun);
    }, lastMode === 'auto' ? AUTO_REFRESH_MS : REFRESH_MS);
  }

  function readRoomId() {
    const input = $('reach-room-id');
    const id = input.value.trim();
    if (!id) throw invalid('Enter the id of a room you sell in.', input);
    return id;
  }

  /**
   * Load and save: read() checks the form ({ id, body }); request(id, body) asks the server. The
   * newest request wins; its answer fills the form and restarts the refresh.
   */
  async function exchange({ read, button, pending, request, shown, onInvalid }) {
    let input;
    try {
      input = read();
    } catch (err) {
      showError(err);
      return;
    }
    const myRun = ++run;
    clearTimeout(timer);
    button.disabled = true;
    show(...pending);
    try {
      const reach = await request(input.id, input.body);
      if (myRun !== run) return;
      roomId = input.id;
      fill(reach);
      shown(reach);
      onRoom?.(input.id);
      schedule(myRun);
    } catch (err) {
      if (myRun === run && showError(err) === 'validation_failed') onInvalid?.(err);
    } finally {
      button.disabled = false;
    }
  }

  const load = () => exchange({
    read: () => ({ id: readRoomId() }),
    button: $('reach-load'),
    pending: ['loading', 'Loading…'],
    request: (id) => getReach(getSession().token, id),
    shown: showReach,
  });

  function readReach() {
    const currencyIn = $('reach-currency');
    const currency = currencyIn.value.trim().toUpperCase();
    if (!isCurrency(currency)) throw invalid(`"${currency}" is not a currency code (USD, EUR, JPY…).`, currencyIn);
    const amount = (id, label) => {
      try {
        return parseMajor($(id).value, currency, label);
      } catch (err) {
        throw invalid(err.message, $(id));
      }
    };
    const budget = { currency, amountMinor: amount('reach-budget-amount', 'Budget') };
    const bidCpm = { currency, amountMinor: amount('reach-bid-amount', 'Bid per 1,000 impressions') };
    const mode = $('reach-mode').value === 'auto' ? 'auto' : 'manual';
    if (mode === 'manual') return { ...picker.value(), budget, bidCpm, mode };
    const minutesIn = $('reach-planned-minutes');
    const plannedMinutes = Number(minutesIn.value);
    if (!Number.isInteger(plannedMinutes) || plannedMinutes < 1 || plannedMinutes > MAX_PLANNED_MINUTES) {
      throw invalid(`Planned minutes must be a whole number from 1 to ${MAX_PLANNED_MINUTES}.`, minutesIn);
    }
    return { ...picker.value(), budget, bidCpm, mode, plannedMinutes };
  }

  const save = () => exchange({
    read: () => ({ id: readRoomId(), body: readReach() }),
    button: $('reach-save'),
    pending: ['saving', 'Saving…'],
    request: (id, body) => putReach(getSession().token, id, body),
    shown: (reach) => {
      showReach(reach);
      show(String(reach.state ?? ''), `Saved. ${describeReach(reach)}`);
    },
    onInvalid(err) {
      const field = FIELD_INPUTS.find(([pattern]) => pattern.test(err.message ?? ''))?.[1];
      if (field) $(field).setAttribute('aria-invalid', 'true');
    },
  });

  $('reach-mode').addEventListener('change', syncMode);
  $('reach-load-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  $('reach-form').addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  for (const form of ['reach-load-form', 'reach-form']) {
    $(form).addEventListener('input', (event) => event.target.removeAttribute?.('aria-invalid'));
  }
  // Another room id in the box: the figures shown are no longer about it.
  $('reach-room-id').addEventListener('input', () => {
    if ($('reach-room-id').value.trim() === roomId) return;
    run++;
    clearTimeout(timer);
    show('', '');
  });

  return {
    reset() {
      run++;
      clearTimeout(timer);
      roomId = '';
      lastMode = 'manual';
      picker.clear();
      showAllocation(null);
      $('reach-mode').value = 'manual';
      syncMode();
      show('', '');
    },
  };
}
