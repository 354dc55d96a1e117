// The creator's REST surface: profile, verification uploads, deals, earnings and payouts.
import { apiFetch } from './api.js';

export const getMyProfile = (token) => apiFetch('/api/creators/me', { token });
export const listDeals = (token) => apiFetch('/api/deals', { token });
export const acceptDeal = (token, dealId) => apiFetch(`/api/deals/${encodeURIComponent(dealId)}/accept`, { method: 'POST', token });
export const getEarnings = (token) => apiFetch('/api/creators/me/earnings', { token });
export const setPayoutMethod = (token, method) => apiFetch('/api/creators/me/payout-method', { method: 'PUT', body: method, token });
export const getPayoutMethod = (token) => apiFetch('/api/creators/me/payout-method', { token });
export const quotePayout = (token) => apiFetch('/api/creators/me/payouts/quote', { token });
export const requestPayout = (token, idempotencyKey) => apiFetch('/api/creators/me/payouts', { method: 'POST', body: { idempotencyKey }, token });
export const listPayouts = (token) => apiFetch('/api/creators/me/payouts', { token });
export const submitVerification = (token, submission) => apiFetch('/api/creators/me/verification', { method: 'POST', body: submission, token });

/** Uploads one private document through its write-only link; returns its media id. */
export async function uploadDocument(token, file) {
  const upload = await apiFetch('/api/media/uploads', {
    method: 'POST', token, body: { purpose: 'verification', contentType: file.type, length: file.size },
  });
  const res = await fetch(upload.uploadUrl, { method: 'PUT', headers: { ...upload.headers, 'Content-Type': file.type }, body: file });
  if (!res.ok) throw new Error(`The upload of ${file.name} failed (${res.status}). Try again.`);
  return upload.mediaId;
}
