// Streamer console, auction: open one for the product chosen in the sale form, follow its bids.
import { ApiError, rest } from './api.js';
import { countdown, everySecond, titleIn } from './commerce.js';
import { formatMoney, parseMajor } from './money.js';
import { $ } from './ui.js';

const STATE_TEXT = { open: 'Open', won: 'Sold', unsold: 'Unsold' };

/** getLive(): the console's LiveRoom; getSession(): the streamer; status: the page's status line; busy(button, action). */
export function setupAuction({ getLive, getSession, status, busy }) {
  function render(state) {
    const a = state?.auction;
    $('auction-state').textContent = a ? STATE_TEXT[a.state] ?? a.state : 'None';
    $('auction-state').dataset.state = a?.state ?? 'none';
    $('auction-bid').textContent = a?.currentBid ? `${formatMoney(a.currentBid)} (${a.bids} bids)` : '–';
    $('auction-leader').textContent = a?.leader ?? '–';
    tick(a);
  }

  function tick(a) {
    $('auction-countdown').textContent = a?.state === 'open' ? countdown(a.endsAt).text : '–';
  }

  $('auction-form').addEventListener('submit', (event) => {
    event.preventDefault();
    busy($('start-auction'), async () => {
      const live = getLive();
      const productId = $('sale-product').value;
      if (!productId) throw new ApiError('validation_failed', 'Add a product to the showcase first.');
      // The room's own region prices the auction.
      const currency = live.state.showcase.find((p) => p.id === productId)?.price?.currency;
      if (!currency) throw new ApiError('validation_failed', 'This product has no price in your region to auction it in.');
      const seconds = Number($('auction-duration').value);
      if (!Number.isInteger(seconds) || seconds < 5 || seconds > 3600) {
        throw new ApiError('validation_failed', 'Seconds must be a whole number from 5 to 3600.');
      }
      const body = {
        productId,
        startPrice: { currency, amountMinor: parseMajor($('auction-start').value, currency, 'Start price') },
        increment: { currency, amountMinor: parseMajor($('auction-increment').value, currency, 'Increment') },
        durationSeconds: seconds,
      };
      const opened = await rest(getSession().token).openAuction(live.state.roomId, body);
      live.applyAuction(opened.auction);
      status.info(`Auction open: “${titleIn(live.state, productId) || productId}” from ${formatMoney(body.startPrice)} for ${seconds} s.`);
    });
  });

  everySecond(() => tick(getLive()?.state.auction));
  return { render };
}
