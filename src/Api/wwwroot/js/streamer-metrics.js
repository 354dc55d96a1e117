// Streamer console, metrics panel: once a room is open, watch its figures on the room's own hub connection.
import { hubError } from './api.js';
import { MetricsWatch } from './metrics.js';
import { createDashboard } from './metrics-view.js';
import { $, statusNote } from './ui.js';

/** getLive() returns the page's LiveRoom (or null). Returns { render(state), reset() }. */
export function setupStreamerMetrics({ getLive }) {
  const panel = $('streamer-metrics');
  const dashboard = createDashboard($('s-metrics-dashboard'), { prefix: 's-' });
  let watch = null;
  let live = null;     // the LiveRoom `watch` rides on
  let roomId = null;   // the room watched (or being asked for)

  const show = statusNote($('s-metrics-status'));

  function showError(err) {
    const { code, message } = hubError(err);
    show('error', `Figures unavailable: ${message}`, code);
  }

  function drop() {
    watch?.stop(); // detaches from the connection; the LiveRoom keeps it
    watch = null;
    live = null;
    roomId = null;
  }

  async function start(current, id) {
    if (live !== current) {
      drop();
      live = current;
      watch = new MetricsWatch({
        connection: current.connection,
        onReport: (report) => {
          dashboard.render(report);
          show('watching', '');
        },
        onError: showError,
      });
    }
    roomId = id;
    dashboard.clear();
    show('connecting', 'Loading figures…');
    const mine = watch;
    try {
      await mine.watch(id);
    } catch (err) {
      // No retry on every render: a reconnect watches again by itself (MetricsWatch).
      if (mine === watch && roomId === id) showError(err);
    }
  }

  return {
    /** Called with every room state: starts watching once the room is joined over a live connection. */
    render(state) {
      const current = getLive();
      panel.hidden = !state.roomId;
      if (!state.roomId || !current) return;
      const ready = state.joined && state.connection === 'connected';
      if (ready && (current !== live || state.roomId !== roomId)) start(current, state.roomId);
    },
    reset() {
      drop();
      dashboard.clear();
      show('', '');
      panel.hidden = true;
    },
  };
}
