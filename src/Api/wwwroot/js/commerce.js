// Products, showcase, flash sales and orders: REST calls and the sale and time logic both consoles share.
import { rest } from './api.js';

export const createProduct = (token, product) => rest(token).createProduct(product);
export const getProduct = (token, id) => rest(token).getProduct(id);
export const addToShowcase = (token, roomId, productId) => rest(token).addToShowcase(roomId, productId);
export const pinProduct = (token, roomId, productId) => rest(token).pin(roomId, productId);
export const startFlashSale = (token, roomId, sale) => rest(token).startFlashSale(roomId, sale);
export const createOrder = (token, roomId, { productId, quantity, idempotencyKey }) => rest(token).placeOrder(roomId, productId, quantity, idempotencyKey);
export const getOrder = (token, orderId) => rest(token).getOrder(orderId);

// ---------------------------------------------------------------- time

/** "mm:ss" left until an ISO time (never negative; minutes run past 59 rather than wrap). */
export function countdown(iso, now = Date.now()) {
  const end = Date.parse(iso);
  if (Number.isNaN(end)) return { text: '', seconds: 0 };
  const seconds = Math.max(0, Math.ceil((end - now) / 1000));
  const text = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return { text, seconds };
}

/**
 * A sale's state as of now: "started" turns "ended" once endsAt passes even if the server's
 * event has not arrived yet, so a countdown at 00:00 never sits next to a live buy button.
 */
export function saleState(sale, now = Date.now()) {
  if (!sale) return 'none';
  const state = String(sale.state ?? '');
  const over = Date.parse(sale.endsAt) <= now;
  if (state === 'started' || state === 'soldOut') return over ? 'ended' : state;
  return state || 'none';
}

/** The sale as of now if it concerns this product and has not ended, else null. */
export function activeSale(state, productId, now = Date.now()) {
  const sale = state.flashSale;
  if (!sale || (productId && sale.productId !== productId)) return null;
  const st = saleState(sale, now);
  return st === 'started' || st === 'soldOut' ? { ...sale, state: st } : null;
}

export function isSoldOut(state, productId, now = Date.now()) {
  const sale = activeSale(state, productId, now);
  if (sale) return sale.state === 'soldOut' || sale.remaining === 0;
  return state.stock?.get(productId) === 0;
}

export const SALE_LABELS = { none: 'No sale', started: 'Running', soldOut: 'Sold out', ended: 'Ended' };

/** Ticks every second, on the second; returns a stop function. */
export function everySecond(tick) {
  let timer = 0;
  const run = () => {
    timer = setTimeout(run, 1000 - (Date.now() % 1000) + 5);
    tick(); // scheduled first: one bad tick must not stop the clock
  };
  run();
  return () => clearTimeout(timer);
}

// ---------------------------------------------------------------- room

/** Title of a product the room knows about (showcase or pinned), or ''. */
export function titleIn(state, productId) {
  if (state.pinned?.id === productId) return state.pinned.title ?? '';
  return state.showcase?.find((p) => p?.id === productId)?.title ?? '';
}
