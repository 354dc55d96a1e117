// Merchant console, post-campaign report: a room's figures in one currency, in all, by region and
// by hour, with charts, and its CSV. Ended rooms are served from the stored report.
import { ApiError, rest } from './api.js';
import { chartsAvailable } from './metrics-charts.js';
import { formatMoney, isCurrency, toMajorNumber } from './money.js';
import { $, el, statusNote } from './ui.js';

const percent = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);
const ratio = (v) => (v === null || v === undefined ? '—' : v.toFixed(2));
const count = (v) => Number(v ?? 0).toLocaleString();

// Each total: its label, and how it reads (data-figure names the JSON field, for tests and scripts).
const TOTALS = [
  ['impressions', 'Impressions', (f) => count(f.impressions)],
  ['uniqueViewers', 'Unique viewers', (f) => count(f.uniqueViewers)],
  ['joins', 'Joins', (f) => count(f.joins)],
  ['productClicks', 'Product clicks', (f) => count(f.productClicks)],
  ['ctr', 'CTR (clicks / impressions)', (f) => percent(f.ctr)],
  ['joinRate', 'Join rate', (f) => percent(f.joinRate)],
  ['orders', 'Orders', (f) => count(f.orders)],
  ['gmv', 'GMV', (f) => formatMoney(f.gmv)],
  ['spend', 'Spend', (f) => formatMoney(f.spend)],
  ['cpm', 'CPM', (f) => (f.cpm ? formatMoney(f.cpm) : '—')],
  ['roi', 'ROI (attributed revenue / spend)', (f) => ratio(f.roi)],
  ['attributedOrders', 'Attributed orders', (f) => count(f.attributed?.orders)],
  ['attributedRevenue', 'Attributed revenue', (f) => formatMoney(f.attributed?.revenue)],
  ['clickThrough', 'Click-through', (f) => `${count(f.attributed?.clickThrough?.orders)} · ${formatMoney(f.attributed?.clickThrough?.revenue)}`],
  ['viewThrough', 'View-through', (f) => `${count(f.attributed?.viewThrough?.orders)} · ${formatMoney(f.attributed?.viewThrough?.revenue)}`],
];

const hourLabel = (iso) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
};

function barChart(canvas, labels, datasets) {
  if (!chartsAvailable()) return null;
  const existing = globalThis.Chart.getChart(canvas);
  existing?.destroy();
  return new globalThis.Chart(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: { y: { beginAtZero: true, position: 'left' }, money: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } },
    },
  });
}

function datasets(rows, currency) {
  return [
    { label: 'Impressions', data: rows.map((r) => r.figures.impressions), backgroundColor: '#2f7de1', yAxisID: 'y' },
    { label: 'Orders', data: rows.map((r) => r.figures.orders), backgroundColor: '#1e9e57', yAxisID: 'y' },
    { label: `Attributed revenue (${currency})`, data: rows.map((r) => toMajorNumber(r.figures.attributed.revenue)), backgroundColor: '#d4a000', yAxisID: 'money' },
    { label: `Spend (${currency})`, data: rows.map((r) => toMajorNumber(r.figures.spend)), backgroundColor: '#d64545', yAxisID: 'money' },
  ];
}

function table(body, rows, label) {
  body.replaceChildren(...rows.map((r) => {
    const tr = el('tr');
    tr.dataset.key = r.key;
    const f = r.figures;
    for (const text of [label(r), count(f.impressions), count(f.uniqueViewers), count(f.productClicks), percent(f.ctr), count(f.orders),
      formatMoney(f.gmv), formatMoney(f.attributed.revenue), formatMoney(f.spend), ratio(f.roi)]) {
      tr.append(el('td', '', text));
    }
    return tr;
  }));
}

/** getSession() returns the signed-in merchant; fail(err) is the page's (signs out on 401). */
export function setupReport({ getSession, fail }) {
  const show = statusNote($('report-status'));
  let run = 0;
  let loaded = null; // { roomId, currency }

  function showError(err) {
    if (err?.code === 'unauthorized') fail(err);
    else show('error', err?.message ?? 'The report could not be loaded.', err?.code);
  }

  function render(report) {
    $('report-view').hidden = false;
    const source = report.source === 'archive'
      ? `Stored when the room ended (${new Date(report.endedAt).toLocaleString()})`
      : 'Computed from the room\'s figures now';
    $('report-source').textContent = `${source}. Money in ${report.currency}, converted at each day's reference rate.`;
    $('report-totals').replaceChildren(...TOTALS.map(([key, label, read]) => {
      const div = el('div');
      const dd = el('dd', '', read(report.total));
      dd.dataset.figure = key;
      div.append(el('dt', '', label), dd);
      return div;
    }));
    const regions = report.byRegion.map((r) => ({ key: r.region, figures: r.figures }));
    const hours = report.byHour.map((h) => ({ key: h.hour, figures: h.figures }));
    table($('report-region-rows'), regions, (r) => r.key);
    table($('report-hour-rows'), hours, (r) => hourLabel(r.key));
    barChart($('report-region-chart'), regions.map((r) => r.key), datasets(regions, report.currency));
    barChart($('report-hour-chart'), hours.map((h) => hourLabel(h.key)), datasets(hours, report.currency));
    $('report-unconverted').textContent = report.unconverted?.length
      ? `Not converted (no rate for that day): ${report.unconverted.map(formatMoney).join(', ')}` : '';
  }

  async function load(event) {
    event?.preventDefault();
    const roomId = $('report-room-id').value.trim();
    const currency = $('report-currency').value.trim().toUpperCase();
    if (!roomId) return show('error', 'Enter a room id.', 'validation_failed');
    if (!isCurrency(currency)) return show('error', 'Enter a three-letter currency code, e.g. USD.', 'validation_failed');
    const myRun = ++run;
    show('loading', 'Loading the report…');
    try {
      const report = await rest(getSession().token).getReport(roomId, currency);
      if (myRun !== run) return;
      loaded = { roomId, currency };
      render(report);
      show('loaded', report.source === 'archive' ? 'Report of the ended room.' : 'Report so far (the room has not ended).');
    } catch (err) {
      if (myRun !== run) return;
      $('report-view').hidden = true;
      showError(err);
    }
  }

  // The CSV needs the bearer token, so a plain link cannot fetch it: fetch, then save it from a blob.
  async function download() {
    if (!loaded) return;
    const { roomId, currency } = loaded;
    try {
      const res = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/report.csv?currency=${encodeURIComponent(currency)}`, {
        headers: { Authorization: `Bearer ${getSession().token}`, Accept: 'text/csv, application/problem+json' },
      });
      if (!res.ok) {
        const problem = await res.json().catch(() => null);
        throw new ApiError(problem?.code ?? `http_${res.status}`, problem?.detail ?? 'The CSV could not be downloaded.', res.status);
      }
      const url = URL.createObjectURL(await res.blob());
      const a = el('a');
      a.href = url;
      a.download = `report-${roomId}-${currency}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      showError(err);
    }
  }

  $('report-form').addEventListener('submit', load);
  $('report-csv').addEventListener('click', download);

  return {
    /** Pre-fills the room id (from the reach or dashboard panels) unless one is typed already. */
    suggestRoom(roomId) {
      if (!$('report-room-id').value.trim()) $('report-room-id').value = roomId;
    },
    reset() {
      run++;
      loaded = null;
      $('report-view').hidden = true;
      show('', '');
    },
  };
}
