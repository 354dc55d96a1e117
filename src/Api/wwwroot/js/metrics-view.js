// A metrics dashboard: KPI tiles, the by-region table, the per-minute table and the charts.
// The tables are always filled, so the figures are there when Chart.js is not.
import { createMinuteChart, createRegionChart } from './metrics-charts.js';
import {
  formatCount, formatMoneyList, formatRate, formatRoi, formatSpend, impressionsOf, kpiTexts, minuteLabel, perMinute,
} from './metrics.js';
import { currencyDigits, formatMoney } from './money.js';

const MINUTE_ROWS = 60;

function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}

function cells(tr, texts) {
  for (const text of texts) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
}

function emptyRow(tbody, columns, text) {
  const tr = document.createElement('tr');
  tr.className = 'empty';
  const td = document.createElement('td');
  td.colSpan = columns;
  td.textContent = text;
  tr.append(td);
  tbody.replaceChildren(tr);
}

function renderRegions(table, byRegion) {
  const tbody = table.tBodies[0] ?? table.createTBody();
  const columns = table.tHead?.rows[0]?.cells.length ?? 1;
  const rows = [...(byRegion ?? [])]
    .sort((a, b) => impressionsOf(b.figures) - impressionsOf(a.figures) || String(a.region).localeCompare(b.region));
  if (!rows.length) return emptyRow(tbody, columns, 'No figures yet.');
  tbody.replaceChildren(...rows.map(({ region, figures: f = {} }) => {
    const tr = document.createElement('tr');
    tr.dataset.region = region;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = region;
    tr.append(th);
    cells(tr, [
      formatCount(impressionsOf(f)), formatCount(f.paidImpressions), formatCount(f.joins), formatCount(f.clicks),
      formatCount(f.orders), formatMoneyList(f.revenue), formatSpend(f.spend, f.spendMicros), formatRate(f.ctr),
      formatRate(f.conversion), formatRoi(f.roi),
    ]);
    return tr;
  }));
}

function renderMinutes(table, minutes) {
  const tbody = table.tBodies[0] ?? table.createTBody();
  const columns = table.tHead?.rows[0]?.cells.length ?? 1;
  if (!minutes.length) return emptyRow(tbody, columns, 'No figures yet.');
  tbody.replaceChildren(...minutes.slice(-MINUTE_ROWS).reverse().map((m) => {
    const tr = document.createElement('tr');
    tr.dataset.minute = new Date(m.at).toISOString();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = minuteLabel(m.at);
    tr.append(th);
    const revenue = [...m.revenue].map(([currency, amountMinor]) => formatMoney({ currency, amountMinor })).join(' + ');
    // Spend per minute is kept in micro-units; round down to minor units only for the text.
    const spend = m.spendCurrency ? formatSpend(spendMoney(m.spendMicros, m.spendCurrency), m.spendMicros) : '—';
    cells(tr, [formatCount(m.impressions), formatCount(m.clicks), formatCount(m.orders), revenue || '—', spend]);
    return tr;
  }));
}

function spendMoney(micros, currency) {
  try {
    const digits = currencyDigits(currency);
    return { currency, amountMinor: Math.floor(micros / 10 ** (6 - digits)) };
  } catch {
    return null;
  }
}

/**
 * prefix: the KPI ids' prefix ('' → #kpi-impressions, 's-' → #s-kpi-impressions).
 * Any of the tables and canvases may be absent. Returns { render(report), clear() }.
 */
export function createDashboard({ prefix = '', minuteCanvas, regionCanvas, regionTable, minuteTable, fallback }) {
  const minuteChart = createMinuteChart(minuteCanvas);
  const regionChart = createRegionChart(regionCanvas);
  const noCharts = (minuteCanvas && !minuteChart) || (regionCanvas && !regionChart);
  for (const canvas of [minuteCanvas, regionCanvas]) {
    const box = canvas?.closest('.chart-box');
    if (box && noCharts) box.hidden = true;
  }
  if (fallback) fallback.hidden = !noCharts;
  // Without charts the per-minute table is the only view of time: show it open.
  const details = minuteTable?.closest('details');
  if (details && noCharts) details.open = true;

  const kpi = (name) => document.getElementById(`${prefix}kpi-${name}`);

  function renderKpis(total) {
    for (const [name, text] of Object.entries(kpiTexts(total))) setText(kpi(name), text);
    const f = total ?? {};
    const impressions = kpi('impressions');
    if (impressions) {
      impressions.title = `${formatCount(f.organicImpressions ?? 0)} organic · ${formatCount(f.paidImpressions ?? 0)} paid`;
    }
  }

  return {
    render(report) {
      renderKpis(report?.total);
      if (regionTable) renderRegions(regionTable, report?.byRegion);
      const minutes = perMinute(report?.byMinute);
      if (minuteTable) renderMinutes(minuteTable, minutes);
      minuteChart?.update(minutes);
      regionChart?.update(report?.byRegion);
    },
    clear() {
      this.render(null);
    },
  };
}
