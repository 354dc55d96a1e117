// The streamer console's creator panel: verification, brand deals, earnings and payouts.
import {
  acceptDeal, getEarnings, getMyProfile, getPayoutMethod, listDeals, listPayouts, quotePayout, requestPayout,
  setPayoutMethod, submitVerification, uploadDocument,
} from './creator.js';
import { formatMoney } from './money.js';
import { $, el, invalid, setText } from './ui.js';

const VERIFICATION = { none: 'Not verified', pending: 'In review', verified: 'Verified', rejected: 'Rejected' };
const ENTRY_STATES = { pending: 'pending', available: 'available', reversed: 'reversed by a refund', paidOut: 'paid out' };

const moneyList = (list) => (list?.length ? list.map(formatMoney).join(' + ') : '—');

export function setupCreator({ getSession, status, busy }) {
  // The payout the creator was shown, until they confirm it: one key per attempt, reused on retries.
  let pendingKey = null;

  async function refresh() {
    const { token } = getSession();
    const deals = await listDeals(token); // first: it makes a streamer without a room a creator
    const profile = await getMyProfile(token);
    setText($('creator-verification'), VERIFICATION[profile.verification] ?? profile.verification);
    setText($('creator-followers'), String(profile.followers));
    $('verification-form').hidden = profile.verification === 'verified' || profile.verification === 'pending';
    renderDeals(deals);
    renderEarnings(await getEarnings(token));
    renderPayouts(await listPayouts(token));
    try {
      const method = await getPayoutMethod(token);
      $('payout-country').value = method.country;
      $('payout-currency').value = method.currency;
      $('payout-account').value = method.accountRef;
    } catch (err) {
      if (err.code !== 'not_found') throw err;
    }
  }

  function renderDeals(deals) {
    const items = deals.map((deal) => {
      const li = el('li', 'deal');
      li.dataset.dealId = deal.dealId;
      li.append(el('span', '', `${deal.productId}: ${(deal.commissionBps / 100).toFixed(2)}% commission`));
      if (deal.accepted) {
        li.append(el('span', 'hint', ' accepted: add the product to your room\'s showcase'));
      } else {
        const b = el('button', 'accept small', 'Accept');
        b.type = 'button';
        b.addEventListener('click', () => busy(b, async () => {
          await acceptDeal(getSession().token, deal.dealId);
          status.info('Deal accepted.');
          await refresh();
        }));
        li.append(' ', b);
      }
      return li;
    });
    $('deal-list').replaceChildren(...(items.length ? items : [el('li', 'hint', 'No offers for you yet.')]));
  }

  function renderEarnings(earnings) {
    setText($('earnings-pending'), moneyList(earnings.pending));
    setText($('earnings-available'), moneyList(earnings.available));
    setText($('earnings-paid'), moneyList(earnings.paidOut));
    $('earning-entries').replaceChildren(...earnings.entries.map((e) => {
      const li = el('li', 'earning', `${formatMoney(e.amount)} for order ${e.orderId}: ${ENTRY_STATES[e.state] ?? e.state}`);
      li.dataset.state = e.state;
      return li;
    }));
  }

  function renderPayouts(payouts) {
    $('payout-list').replaceChildren(...payouts.map((p) => {
      const li = el('li', 'payout', `${formatMoney(p.amount)} (${moneyList(p.source)} at ${p.fxRate}, rates of ${p.rateDate}): ${p.status}`);
      li.dataset.status = p.status;
      return li;
    }));
  }

  $('verification-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const passport = $('verification-document').files[0];
    const selfie = $('verification-selfie').files[0];
    if (!passport || !selfie) return status.error(invalid('Choose both files: your document and the photo of you holding it.'));
    busy($('verification-submit'), async () => {
      const { token } = getSession();
      await submitVerification(token, {
        legalName: $('verification-legal-name').value.trim(),
        country: $('verification-country').value.trim().toUpperCase(),
        documentMediaId: await uploadDocument(token, passport),
        selfieMediaId: await uploadDocument(token, selfie),
      });
      await refresh();
    });
  });

  $('creator-refresh').addEventListener('click', () => busy($('creator-refresh'), refresh));

  $('payout-method-form').addEventListener('submit', (event) => {
    event.preventDefault();
    busy($('payout-method-save'), async () => {
      await setPayoutMethod(getSession().token, {
        rail: 'local',
        country: $('payout-country').value.trim().toUpperCase(),
        currency: $('payout-currency').value.trim().toUpperCase(),
        accountRef: $('payout-account').value.trim(),
      });
      await refresh();
    });
  });

  $('payout-preview').addEventListener('click', () => busy($('payout-preview'), async () => {
    const quote = await quotePayout(getSession().token);
    pendingKey = crypto.randomUUID();
    setText($('payout-quote'), `${formatMoney(quote.amount)} from ${moneyList(quote.source)} at the rates of ${quote.rateDate}`);
    $('payout-confirm').hidden = false;
  }));

  $('payout-confirm').addEventListener('click', () => busy($('payout-confirm'), async () => {
    await requestPayout(getSession().token, pendingKey);
    pendingKey = null;
    $('payout-confirm').hidden = true;
    setText($('payout-quote'), '');
    await refresh();
  }));

  return {
    async show() {
      $('creator-section').hidden = false;
      await refresh();
    },
    refresh,
    reset() {
      $('creator-section').hidden = true;
      pendingKey = null;
    },
  };
}
