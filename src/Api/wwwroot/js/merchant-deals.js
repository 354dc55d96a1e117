// The merchant console's deals: offer a product to creators, see who accepted and what each deal owes.
import { rest } from './api.js';
import { formatMoney } from './money.js';
import { $, el, invalid } from './ui.js';

export function setupDeals({ getSession, fail }) {
  async function refresh() {
    const deals = await rest(getSession().token).listDeals();
    const mine = deals.filter((d) => d.merchantId === getSession().userId);
    $('merchant-deal-list').replaceChildren(...(mine.length ? mine.map(render) : [el('li', 'hint', 'No deals yet.')]));
  }

  function render(d) {
    const li = el('li', 'deal');
    li.dataset.dealId = d.dealId;
    const owed = d.commissionOwed?.length ? d.commissionOwed.map(formatMoney).join(' + ') : 'nothing yet';
    li.append(el('span', '', `${d.productId}: ${(d.commissionBps / 100).toFixed(2)}%, accepted by ${d.acceptedCount}; `));
    li.append(el('span', 'deal-owed', `commission owed: ${owed}`));
    return li;
  }

  $('deal-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const percent = Number($('deal-commission').value.trim().replace(',', '.'));
    const bps = Math.round(percent * 100);
    const button = $('create-deal');
    try {
      if (!Number.isFinite(percent) || bps < 1 || bps > 5000) throw invalid('The commission is 0.01% to 50%.', $('deal-commission'));
      const minFollowers = $('deal-min-followers').value.trim();
      button.disabled = true;
      await rest(getSession().token).createDeal(
        { productId: $('deal-product-id').value.trim(), commissionBps: bps, ...(minFollowers ? { minFollowers: Number(minFollowers) } : {}) });
      await refresh();
    } catch (err) {
      fail(err);
    } finally {
      button.disabled = false;
    }
  });
  $('deals-refresh').addEventListener('click', () => refresh().catch(fail));

  return {
    show: () => refresh().catch(fail),
    reset: () => $('merchant-deal-list').replaceChildren(),
  };
}
