// Chart.js views of a metrics report. Chart.js is a classic script (/lib/chartjs/chart.umd.js)
// that may be missing; then every factory here returns null and the tables carry the figures.
import { impressionsOf, minuteLabel } from './metrics.js';
import { toMajorNumber } from './money.js';

const COLORS = {
  impressions: '#2f7de1', paid: '#7c4dff', clicks: '#e67e22', orders: '#1e9e57', spend: '#d64545',
  revenue: ['#d4a000', '#00a3a3', '#b8509c', '#7a8a00'],
};
const MAX_REGIONS = 12;

export const chartsAvailable = () => typeof globalThis.Chart === 'function';

let themed = false;
function theme() {
  if (themed) return;
  themed = true;
  const css = getComputedStyle(document.documentElement);
  const muted = css.getPropertyValue('--muted').trim();
  const border = css.getPropertyValue('--border').trim();
  if (muted) globalThis.Chart.defaults.color = muted;
  if (border) globalThis.Chart.defaults.borderColor = border;
  globalThis.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
}

function moneyText(value, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

function make(canvas, config) {
  if (!chartsAvailable() || !canvas) return null;
  try {
    theme();
    return new globalThis.Chart(canvas, config);
  } catch (err) {
    console.warn('[chart]', err);
    return null;
  }
}

const baseOptions = () => ({
  responsive: true,
  maintainAspectRatio: false,
  animation: false, // a report a second: animating each one is noise
  interaction: { mode: 'index', intersect: false },
  plugins: {
    legend: { position: 'bottom', labels: { boxWidth: 12 } },
    tooltip: {
      callbacks: {
        label(ctx) {
          const { currency } = ctx.dataset;
          const v = ctx.parsed.y;
          return `${ctx.dataset.label}: ${currency ? moneyText(v, currency) : v.toLocaleString()}`;
        },
      },
    },
  },
});

// Datasets are kept by key and updated in place, so a series the user hid in the legend stays hidden.
function syncDatasets(chart, cache, wanted) {
  chart.data.datasets = wanted.map(({ key, ...spec }) => {
    let ds = cache.get(key);
    if (!ds) cache.set(key, (ds = { ...spec }));
    else Object.assign(ds, { data: spec.data, label: spec.label });
    return ds;
  });
}

/** Impressions, clicks and orders (left axis) with revenue and spend (right axis) per minute. */
export function createMinuteChart(canvas) {
  const chart = make(canvas, {
    type: 'line',
    data: { labels: [], datasets: [] },
    options: {
      ...baseOptions(),
      elements: { point: { radius: 2 }, line: { cubicInterpolationMode: 'monotone', borderWidth: 2 } }, // monotone: no dips below zero
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Count' } },
        money: {
          position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
          title: { display: true, text: 'Money (major units)' },
        },
      },
    },
  });
  if (!chart) return null;
  const cache = new Map();
  return {
    update(minutes) {
      chart.data.labels = minutes.map((m) => minuteLabel(m.at));
      const line = (key, label, color, data, extra = {}) => ({
        key, label, data, borderColor: color, backgroundColor: color, yAxisID: 'y', ...extra,
      });
      const wanted = [
        line('impressions', 'Impressions', COLORS.impressions, minutes.map((m) => m.impressions)),
        line('clicks', 'Clicks', COLORS.clicks, minutes.map((m) => m.clicks)),
        line('orders', 'Orders', COLORS.orders, minutes.map((m) => m.orders)),
      ];
      const currencies = [...new Set(minutes.flatMap((m) => [...m.revenue.keys()]))].sort();
      currencies.forEach((currency, i) => {
        const color = COLORS.revenue[i % COLORS.revenue.length];
        wanted.push(line(`revenue:${currency}`, `Revenue ${currency}`, color,
          minutes.map((m) => toMajorNumber({ currency, amountMinor: m.revenue.get(currency) ?? 0 })), { yAxisID: 'money', currency }));
      });
      const spendCurrency = minutes.find((m) => m.spendCurrency)?.spendCurrency;
      if (spendCurrency) {
        wanted.push(line(`spend:${spendCurrency}`, `Spend ${spendCurrency}`, COLORS.spend,
          minutes.map((m) => m.spendMicros / 1e6), { yAxisID: 'money', currency: spendCurrency, borderDash: [6, 4] }));
      }
      chart.options.scales.money.display = wanted.some((d) => d.yAxisID === 'money');
      syncDatasets(chart, cache, wanted);
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}

/** Organic and paid impressions (stacked), clicks and orders, for the busiest regions. */
export function createRegionChart(canvas) {
  const chart = make(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      ...baseOptions(),
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Impressions' } },
        actions: {
          position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false },
          title: { display: true, text: 'Clicks, orders' },
        },
      },
    },
  });
  if (!chart) return null;
  const cache = new Map();
  return {
    update(byRegion) {
      const rows = [...(byRegion ?? [])]
        .sort((a, b) => impressionsOf(b.figures) - impressionsOf(a.figures) || String(a.region).localeCompare(b.region))
        .slice(0, MAX_REGIONS);
      chart.data.labels = rows.map((r) => r.region);
      const bar = (key, label, color, pick, yAxisID, stack) => ({
        key, label, backgroundColor: color, borderColor: color, yAxisID, stack, data: rows.map((r) => pick(r.figures ?? {}) ?? 0),
      });
      syncDatasets(chart, cache, [
        bar('organic', 'Organic impressions', COLORS.impressions, (f) => f.organicImpressions, 'y', 'impressions'),
        bar('paid', 'Paid impressions', COLORS.paid, (f) => f.paidImpressions, 'y', 'impressions'),
        bar('clicks', 'Clicks', COLORS.clicks, (f) => f.clicks, 'actions', 'clicks'),
        bar('orders', 'Orders', COLORS.orders, (f) => f.orders, 'actions', 'orders'),
      ]);
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}
