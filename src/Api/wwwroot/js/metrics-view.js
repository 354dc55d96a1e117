// A metrics dashboard, the same on the merchant and streamer consoles: KPI tiles, the charts, the
// by-region table and the per-minute table. The tables are always filled, so the figures are
// there when Chart.js is not.
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

const KPIS = [
  ['impressions', 'Impressions'], ['clicks', 'Clicks'], ['orders', 'Orders'], ['revenue', 'Revenue'],
  ['spend', 'Spend'], ['roi', 'ROI'], ['ctr', 'CTR'], ['conversion', 'Conversion'],
];
const REGION_COLUMNS = ['Region', 'Impressions', 'Paid', 'Joins', 'Clicks', 'Orders', 'Revenue', 'Spend', 'CTR', 'Conversion', 'ROI'];
const MINUTE_COLUMNS = ['Minute', 'Impressions', 'Clicks', 'Orders', 'Revenue', 'Spend'];

const chartFigure = (caption, id, label) => `
  <figure class="chart-figure">
    <figcaption>${caption}</figcaption>
    <div class="chart-box"><canvas id="${id}" role="img" aria-label="${label}"></canvas></div>
  </figure>`;

const table = (id, columns) => `
  <div class="table-scroll">
    <table id="${id}" class="figures">
      <thead><tr>${columns.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
      <tbody></tbody>
    </table>
  </div>`;

// Fixed markup: ids are `${prefix}kpi-…` and `${prefix}metrics-…`, prefix a constant of the page's.
function markup(p, { byRegion, hint }) {
  const minuteChart = chartFigure('Per minute', `${p}metrics-minute-chart`,
    'Impressions, clicks, orders, revenue and spend per minute; the per-minute table has the same figures');
  const charts = byRegion
    ? `<div class="charts">${minuteChart}${chartFigure('By region', `${p}metrics-region-chart`,
      'Impressions, clicks and orders by region; the region table has the same figures')}</div>`
    : minuteChart;
  return `
    <dl class="kpis" aria-label="Key figures">
      ${KPIS.map(([name, label]) => `<div class="kpi"><dt>${label}</dt><dd id="${p}kpi-${name}">—</dd></div>`).join('')}
    </dl>
    ${hint ? '<p class="hint"></p>' : ''}
    <p id="${p}metrics-charts-fallback" class="note" hidden>Charts are unavailable (the chart library did not load); ${
  byRegion ? 'the tables below have' : 'the table below has'} every figure.</p>
    ${charts}
    ${byRegion ? `<h3>By region</h3>${table(`${p}metrics-regions`, REGION_COLUMNS)}` : ''}
    <details class="minutes">
      <summary>Per-minute figures</summary>
      ${table(`${p}metrics-minutes`, MINUTE_COLUMNS)}
    </details>`;
}

/**
 * Puts the dashboard where placeholder is (the page's empty element, replaced). prefix: the ids'
 * prefix ('' → #kpi-impressions, 's-' → #s-kpi-impressions); byRegion: the region chart and
 * table too; hint: a line under the KPI tiles. Returns { render(report), clear() }.
 */
export function createDashboard(placeholder, { prefix = '', byRegion = false, hint = '' } = {}) {
  const box = document.createElement('div');
  box.innerHTML = markup(prefix, { byRegion, hint });
  if (hint) box.querySelector('.hint').textContent = hint;
  const find = (id) => box.querySelector(`#${prefix}${id}`);
  const minuteCanvas = find('metrics-minute-chart');
  const regionCanvas = find('metrics-region-chart');
  const regionTable = find('metrics-regions');
  const minuteTable = find('metrics-minutes');
  const fallback = find('metrics-charts-fallback');
  placeholder.replaceWith(...box.children);

  const minuteChart = createMinuteChart(minuteCanvas);
  const regionChart = createRegionChart(regionCanvas);
  const noCharts = (minuteCanvas && !minuteChart) || (regionCanvas && !regionChart);
  for (const canvas of [minuteCanvas, regionCanvas]) {
    const chartBox = canvas?.closest('.chart-box');
    if (chartBox && noCharts) chartBox.hidden = true;
  }
  fallback.hidden = !noCharts;
  // Without charts the per-minute table is the only view of time: show it open.
  const details = minuteTable.closest('details');
  if (noCharts) details.open = true;

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
      renderMinutes(minuteTable, minutes);
      minuteChart?.update(minutes);
      regionChart?.update(report?.byRegion);
    },
    clear() {
      this.render(null);
    },
  };
}
