// The creator's REST surface: profile, verification uploads, deals, earnings and payouts.
import { rest } from './api.js';

export const getMyProfile = (token) => rest(token).getCreator('me');
export const listDeals = (token) => rest(token).listDeals();
export const acceptDeal = (token, dealId) => rest(token).acceptDeal(dealId);
export const getEarnings = (token) => rest(token).getEarnings();
export const setPayoutMethod = (token, method) => rest(token).setPayoutMethod(method);
export const getPayoutMethod = (token) => rest(token).getPayoutMethod();
export const quotePayout = (token) => rest(token).quotePayout();
export const requestPayout = (token, idempotencyKey) => rest(token).requestPayout(idempotencyKey);
export const listPayouts = (token) => rest(token).listPayouts();
export const submitVerification = (token, submission) => rest(token).submitVerification(submission);

/** Uploads one private document through its write-only link; returns its media id. */
export async function uploadDocument(token, file) {
  try {
    return (await rest(token).upload('verification', file.type, file)).mediaId;
  } catch (err) {
    // The storage's own refusal carries no code: name the file.
    if (err?.code) throw err;
    throw new Error(`The upload of ${file.name} failed (${err?.status ?? 'network'}). Try again.`);
  }
}
