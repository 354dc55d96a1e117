// Merchant console, live dashboard: watch one room's metrics over a hub connection of its own.
import { hubError } from './api.js';
import { connectHub } from './live-connection.js';
import { MetricsWatch } from './metrics.js';
import { createDashboard } from './metrics-view.js';
import { $, statusNote } from './ui.js';

const STATE_TEXT = {
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting… the figures resume when the connection is back.',
  disconnected: 'Lost the connection to the server. Press Watch to try again.',
};

/** getSession() returns the signed-in merchant; fail(err) is the page's (signs out on 401). */
export function setupMetrics({ getSession, fail }) {
  const input = $('metrics-room-id');
  const button = $('metrics-watch');
  const dashboard = createDashboard($('metrics-dashboard'), {
    byRegion: true,
    hint: 'CTR: joins per impression. Conversion: orders per join. ROI: revenue over spend, in the spend\'s currency.',
  });
  let watch = null;
  let run = 0; // a newer watch or a sign-out silences the older one

  const show = statusNote($('metrics-status'));

  function showError(err) {
    const { code, message } = hubError(err);
    if (code === 'unauthorized') fail(err);
    else show('error', message, code);
  }

  async function stopWatch() {
    const w = watch;
    watch = null;
    await w?.stop();
  }

  async function start(roomId) {
    const myRun = ++run;
    await stopWatch(); // the server has no unwatch: a fresh connection leaves the old room behind
    if (myRun !== run) return;
    let connection;
    try {
      connection = connectHub(getSession().token);
    } catch (err) {
      showError(err);
      return;
    }
    const mine = (fn) => (...args) => { if (myRun === run) fn(...args); };
    const w = new MetricsWatch({
      connection,
      owns: true,
      onReport: mine((report) => {
        dashboard.render(report);
        const at = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
        show('watching', `Live figures for ${report.roomId} · last change ${at}`);
      }),
      onState: mine((state) => { if (STATE_TEXT[state]) show(state, STATE_TEXT[state]); }),
      onError: mine(showError),
    });
    watch = w;
    dashboard.clear();
    show('connecting', STATE_TEXT.connecting);
    button.disabled = true;
    try {
      await w.watch(roomId);
    } catch (err) {
      if (myRun === run) {
        showError(err);
        await stopWatch();
      } else {
        await w.stop();
      }
    } finally {
      if (myRun === run) button.disabled = false;
    }
  }

  $('metrics-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const roomId = input.value.trim();
    if (!roomId) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      show('error', 'Enter the id of a room you sell in.', 'validation_failed');
      return;
    }
    start(roomId);
  });
  input.addEventListener('input', () => input.removeAttribute('aria-invalid'));

  dashboard.clear();
  return {
    /** A room the merchant just worked with elsewhere on the page: offer it here too. */
    suggestRoom(roomId) {
      if (!input.value.trim()) input.value = roomId;
    },
    reset() {
      run++;
      stopWatch();
      button.disabled = false;
      dashboard.clear();
      show('', '');
    },
  };
}
