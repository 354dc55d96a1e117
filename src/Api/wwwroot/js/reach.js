// Audience reach and the discovery feed: REST calls plus the wording both consoles share.
import { rest } from './api.js';
import { formatMoney } from './money.js';

/** The room's reach, or null when none is set (the room is organic in its home region only). */
export async function getReach(token, roomId) {
  try {
    return await rest(token).getReach(roomId);
  } catch (err) {
    if (err?.code === 'not_found' && /reach/i.test(err.message ?? '')) return null;
    throw err; // a 404 for the room itself stays an error
  }
}

export const putReach = (token, roomId, reach) => rest(token).setReach(roomId, reach);

/**
 * Live rooms for a region; without one the server uses the caller's. Every call counts an
 * impression for each room listed, so callers refresh on demand or every 10 s at most.
 */
export const getFeed = (token, { region, limit = 20 } = {}) => rest(token).getFeed(region || undefined, limit);

export const REACH_STATES = { active: 'Active', exhausted: 'Budget spent', paused: 'Paused' };

const count = new Intl.NumberFormat();

/** One line about a saved reach: state, spend against budget, paid impressions, bid. */
export function describeReach(r) {
  const state = REACH_STATES[r.state] ?? String(r.state ?? '');
  const spend = `${formatMoney(r.spend) || '0'} of ${formatMoney(r.budget)} spent`;
  const impressions = `${count.format(r.paidImpressions ?? 0)} paid impressions`;
  const pacing = r.mode === 'auto' && r.plannedMinutes ? `auto-paced over ${count.format(r.plannedMinutes)} min` : '';
  return [state, spend, impressions, `bid ${formatMoney(r.bidCpm)} CPM`, pacing].filter(Boolean).join(' · ');
}
