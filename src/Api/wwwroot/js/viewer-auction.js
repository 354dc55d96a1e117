// Viewer page, auction card: the room's auction with its countdown, the leader (masked) and
// extensions; bid on it; the winner sees their reserved order.
import { hubError, rest } from './api.js';
import { countdown, everySecond, titleIn } from './commerce.js';
import { formatMoney, parseMajor, toMajorText } from './money.js';
import { $, statusNote } from './ui.js';

/** getLive(): the page's LiveRoom; getSession(): the signed-in viewer; fail(err): the page's error line. */
export function setupAuction({ getLive, getSession, fail }) {
  const show = statusNote($('bid-result'));
  let shownId = null;
  let askedWinner = null;

  function render(state) {
    const a = state?.joined ? state.auction : null;
    $('auction-card').hidden = !a;
    if (!a) return;
    if (a.auctionId !== shownId) {
      shownId = a.auctionId;
      show('', '');
      $('bid-amount').value = toMajorText(a.minimumBid);
    }
    const card = $('auction-card');
    card.dataset.state = a.state;
    card.dataset.auctionId = a.auctionId;
    $('auction-product').textContent = titleIn(state, a.productId) || a.productId;
    $('auction-current').textContent = a.currentBid ? formatMoney(a.currentBid) : `starts at ${formatMoney(a.startPrice)}`;
    $('auction-leader').textContent = a.leader ?? '–';
    $('auction-bids').textContent = String(a.bids ?? 0);
    $('auction-extended').textContent = a.extensions ? `Extended ${a.extensions} × by late bids` : '';
    tick(a);
    const open = a.state === 'open';
    $('bid-button').disabled = !open;
    $('bid-amount').disabled = !open;
    if (open && Number($('bid-amount').dataset.minimum ?? 0) !== a.minimumBid?.amountMinor) {
      $('bid-amount').dataset.minimum = String(a.minimumBid?.amountMinor ?? '');
      $('bid-amount').placeholder = `at least ${toMajorText(a.minimumBid)}`;
    }
    if (a.state === 'won' && askedWinner !== a.auctionId) {
      askedWinner = a.auctionId;
      announceWinner(state.roomId, a);
    } else if (a.state === 'unsold') {
      show('closed', 'The auction closed without a bid.');
    }
  }

  function tick(a) {
    $('auction-countdown').textContent = a.state === 'open' ? countdown(a.endsAt).text : a.state === 'won' ? 'Sold' : 'Closed';
  }

  // Only the winner's GET carries the order, placed just after the close: ask until it is there.
  async function announceWinner(roomId, a) {
    try {
      for (let attempt = 0; attempt < 20; attempt++) {
        const mine = await rest(getSession().token).getAuction(roomId, a.auctionId);
        if (!mine.youLead) {
          show('lost', `Sold to ${a.leader} at ${formatMoney(a.currentBid)}.`);
          return;
        }
        if (mine.orderId) {
          $('bid-result').dataset.orderId = mine.orderId;
          show('won', `You won at ${formatMoney(mine.currentBid)}! Order ${mine.orderId} is reserved for you: pay to complete it.`);
          return;
        }
        show('winning', 'You won! Reserving your order…');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } catch (err) {
      fail(err);
    }
  }

  $('bid-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const live = getLive();
    const a = live?.state.auction;
    if (!a || a.state !== 'open') return;
    let amountMinor;
    try {
      amountMinor = parseMajor($('bid-amount').value, a.startPrice.currency, 'Your bid');
    } catch (err) {
      show('error', err.message, 'validation_failed');
      return;
    }
    $('bid-button').disabled = true;
    try {
      const answer = await live.invoke('Bid', a.auctionId, amountMinor);
      show(answer.leading ? 'leading' : 'outbid', answer.leading ? `You lead with ${formatMoney(answer.amount)}.` : 'Someone bid higher meanwhile.');
    } catch (err) {
      const { code, message } = hubError(err);
      show('error', code === 'bid_too_low' ? 'Too low: someone bid that already. Bid higher.' : message, code);
    } finally {
      $('bid-button').disabled = getLive()?.state.auction?.state !== 'open';
    }
  });

  everySecond(() => {
    const a = getLive()?.state.auction;
    if (a && !$('auction-card').hidden) tick(a);
  });

  return { render, reset() { shownId = null; askedWinner = null; $('auction-card').hidden = true; show('', ''); } };
}
