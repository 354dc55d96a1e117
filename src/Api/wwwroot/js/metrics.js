// Room metrics: the REST read, the live watch over the hub, and the number formats the dashboards share.
import { rest } from './api.js';
import { formatMoney } from './money.js';

export const getMetrics = (token, roomId) => rest(token).getMetrics(roomId);

const sameRoom = (a, b) => !!a && !!b && String(a).toLowerCase() === String(b).toLowerCase();

/**
 * Follows one room's `metrics` on a hub connection: WatchMetrics answers with the report now, then
 * the server pushes one at most once a second. Reports are whole snapshots, so an older version
 * (an event overtaken by the invocation's answer, or the reverse) is dropped. The server has no
 * "unwatch": events for a room watched earlier are filtered out here.
 * With owns=true the watch starts and stops the connection itself.
 */
export class MetricsWatch {
  #conn;
  #owns;
  #onReport;
  #onError;
  #onState;
  #roomId = null;
  #version = -Infinity;
  #stopped = false;
  #handler = (report) => this.#accept(report);

  #unsubscribe = [];

  /** `connection` is a BroadcartLiveClient (live-connection.js). */
  constructor({ connection, owns = false, onReport, onError, onState }) {
    this.#conn = connection;
    this.#owns = owns;
    this.#onReport = onReport;
    this.#onError = onError;
    this.#onState = onState;
    this.#unsubscribe = [
      connection.on('metrics', this.#handler),
      connection.on('reconnecting', () => this.#state('reconnecting')),
      connection.on('reconnected', () => {
        // Group membership does not survive a new connection: watch again.
        if (this.#stopped || !this.#roomId) return;
        this.#invoke(this.#roomId).catch((err) => this.#fail(err));
      }),
      connection.on('closed', (err) => {
        if (this.#stopped) return;
        this.#state('disconnected');
        if (err) this.#fail(err);
      }),
    ];
  }

  get roomId() { return this.#roomId; }

  async watch(roomId) {
    if (this.#stopped) return;
    if (!sameRoom(roomId, this.#roomId)) this.#version = -Infinity;
    this.#roomId = roomId;
    if (this.#owns && this.#conn.state === 'Disconnected') {
      this.#state('connecting');
      await this.#conn.start();
    }
    await this.#invoke(roomId);
  }

  async stop() {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    if (this.#owns) await this.#conn.stop().catch(() => {});
  }

  async #invoke(roomId) {
    const report = await this.#conn.watchMetrics(roomId);
    this.#state('watching');
    this.#accept(report);
  }

  #accept(report) {
    if (this.#stopped || !report || !sameRoom(report.roomId, this.#roomId)) return;
    const version = Number(report.version);
    if (Number.isFinite(version)) {
      if (version < this.#version) return;
      this.#version = version;
    }
    this.#onReport?.(report);
  }

  #state(state) {
    if (!this.#stopped) this.#onState?.(state);
  }

  #fail(err) {
    if (!this.#stopped) this.#onError?.(err);
  }
}

// ---------------------------------------------------------------- formats

const integer = new Intl.NumberFormat();
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const ratio = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const bigRatio = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const isNumber = (n) => typeof n === 'number' && Number.isFinite(n);

export const impressionsOf = (f) => (isNumber(f?.impressions) ? f.impressions
  : (f?.organicImpressions ?? 0) + (f?.paidImpressions ?? 0));

export const formatCount = (n) => (isNumber(n) ? integer.format(n) : '—');
export const formatRate = (r) => (isNumber(r) ? percent.format(r) : '—');
export const formatRoi = (r) => (isNumber(r) ? `${(Math.abs(r) >= 100 ? bigRatio : ratio).format(r)}×` : '—');

/** Revenue comes as one money per currency: "€12.00 + $5.00", or "—" before the first order. */
export const formatMoneyList = (list) => (Array.isArray(list) && list.length
  ? list.map(formatMoney).filter(Boolean).join(' + ') || '—' : '—');

/** Spend rounds down to minor units; a spend of a fraction of a cent reads "< $0.01", not "$0.00". */
export function formatSpend(money, micros = 0) {
  if (!money) return '—';
  if (money.amountMinor === 0 && micros > 0) return `< ${formatMoney({ currency: money.currency, amountMinor: 1 })}`;
  return formatMoney(money) || '—';
}

/** The KPI tiles' text for one Figures. */
export function kpiTexts(f) {
  return {
    impressions: f ? formatCount(impressionsOf(f)) : '—',
    clicks: formatCount(f?.clicks),
    orders: formatCount(f?.orders),
    revenue: formatMoneyList(f?.revenue),
    spend: formatSpend(f?.spend, f?.spendMicros),
    roi: formatRoi(f?.roi),
    ctr: formatRate(f?.ctr),
    conversion: formatRate(f?.conversion),
  };
}

// ---------------------------------------------------------------- per minute

const MINUTE_MS = 60000;
const MAX_MINUTES = 120;

/**
 * byMinute rows (one per minute and region) summed per minute, gaps filled with zeros, the last
 * two hours at most: [{ at (ms), impressions, clicks, orders, revenue: Map(currency → minor),
 * spendMicros, spendCurrency }].
 */
export function perMinute(byMinute) {
  const sums = new Map();
  for (const row of Array.isArray(byMinute) ? byMinute : []) {
    const at = Date.parse(row?.minute);
    if (Number.isNaN(at)) continue;
    const key = at - (at % MINUTE_MS);
    let m = sums.get(key);
    if (!m) sums.set(key, (m = emptyMinute(key)));
    const f = row.figures ?? {};
    m.impressions += impressionsOf(f);
    m.clicks += f.clicks ?? 0;
    m.orders += f.orders ?? 0;
    for (const money of f.revenue ?? []) {
      if (money?.currency) m.revenue.set(money.currency, (m.revenue.get(money.currency) ?? 0) + (money.amountMinor ?? 0));
    }
    m.spendMicros += f.spendMicros ?? 0;
    if (f.spend?.currency) m.spendCurrency = f.spend.currency;
  }
  if (!sums.size) return [];
  const keys = [...sums.keys()];
  const last = Math.max(...keys);
  const first = Math.max(Math.min(...keys), last - (MAX_MINUTES - 1) * MINUTE_MS);
  const out = [];
  for (let at = first; at <= last; at += MINUTE_MS) out.push(sums.get(at) ?? emptyMinute(at));
  return out;
}

function emptyMinute(at) {
  return { at, impressions: 0, clicks: 0, orders: 0, revenue: new Map(), spendMicros: 0, spendCurrency: null };
}

export const minuteLabel = (at) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
