// Merchant console, reach panel: load a room's reach, pick regions, set budget and bid, save.
import { ApiError, hubError } from './api.js';
import { isCurrency, parseMajor, toMajorText } from './money.js';
import { describeReach, getReach, putReach } from './reach.js';
import { createRegionPicker } from './region-picker.js';
import { $ } from './ui.js';

const REFRESH_MS = 15000; // spend moves as impressions are bought; GET reach counts nothing

const invalid = (message, field) => {
  field?.setAttribute('aria-invalid', 'true');
  field?.focus();
  return new ApiError('validation_failed', message);
};

// The server's `detail` names the field; point at it.
const FIELD_INPUTS = [
  [/\bbidCpm\b|\bbid\b/i, 'reach-bid-amount'], [/\bbudget\b/i, 'reach-budget-amount'],
  [/\bcurrenc/i, 'reach-currency'], [/\bregion/i, 'region-filter'],
];

/** getSession() returns the signed-in merchant; fail(err) is the page's (signs out on 401). */
export function setupReach({ getSession, fail, onRoom }) {
  const statusEl = $('reach-status');
  const picker = createRegionPicker({ list: $('region-list'), filter: $('region-filter'), summary: $('reach-summary') });
  let roomId = '';   // the room whose reach the form shows
  let run = 0;       // a newer load, a sign-out or another room drops older answers
  let timer = 0;

  function show(state, text, code = '') {
    statusEl.textContent = text;
    statusEl.dataset.state = state;
    statusEl.dataset.code = code;
  }

  function showReach(reach) {
    if (!reach) {
      show('organic', 'Organic only: no reach is set, so the room is shown in its home region only.');
      return;
    }
    show(String(reach.state ?? ''), describeReach(reach));
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
    }, REFRESH_MS);
  }

  function readRoomId() {
    const input = $('reach-room-id');
    const id = input.value.trim();
    if (!id) throw invalid('Enter the id of a room you sell in.', input);
    return id;
  }

  async function load() {
    let id;
    try {
      id = readRoomId();
    } catch (err) {
      showError(err);
      return;
    }
    const myRun = ++run;
    clearTimeout(timer);
    const button = $('reach-load');
    button.disabled = true;
    show('loading', 'Loading…');
    try {
      const reach = await getReach(getSession().token, id);
      if (myRun !== run) return;
      roomId = id;
      fill(reach);
      showReach(reach);
      onRoom?.(id);
      schedule(myRun);
    } catch (err) {
      if (myRun === run) showError(err);
    } finally {
      button.disabled = false;
    }
  }

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
    return { ...picker.value(), budget, bidCpm };
  }

  async function save() {
    let id;
    let body;
    try {
      id = readRoomId();
      body = readReach();
    } catch (err) {
      showError(err);
      return;
    }
    const myRun = ++run;
    clearTimeout(timer);
    const button = $('reach-save');
    button.disabled = true;
    show('saving', 'Saving…');
    try {
      const reach = await putReach(getSession().token, id, body);
      if (myRun !== run) return;
      roomId = id;
      fill(reach);
      show(String(reach.state ?? ''), `Saved. ${describeReach(reach)}`);
      onRoom?.(id);
      schedule(myRun);
    } catch (err) {
      if (myRun !== run) return;
      if (showError(err) === 'validation_failed') {
        const field = FIELD_INPUTS.find(([pattern]) => pattern.test(err.message ?? ''))?.[1];
        if (field) $(field).setAttribute('aria-invalid', 'true');
      }
    } finally {
      button.disabled = false;
    }
  }

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
      picker.clear();
      show('', '');
    },
  };
}
