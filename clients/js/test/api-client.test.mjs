import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BroadcartApiClient, BroadcartApiError } from '../dist/index.js';
import { startNode } from './node-under-test.mjs';

let node;

before(async () => { node = await startNode(); });
after(async () => { await node?.stop(); });

test('a show from product to replay over REST, and refusals with their code and status', async () => {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const as = async (user, roles, name) => {
    const token = await node.token(`${user}-${id}`, roles, 'US', name);
    return new BroadcartApiClient({ baseUrl: node.base, accessToken: () => token });
  };
  const merchant = await as('js-merchant', ['merchant']);
  const streamer = await as('js-streamer', ['streamer'], 'Terry');
  const viewer = await as('js-rest-viewer', ['viewer'], 'Vera');

  const product = await merchant.createProduct({ title: 'JS kettle', stock: 5, prices: [{ region: 'US', currency: 'USD', amountMinor: 4200 }], shipsTo: ['US'] });
  assert.equal((await merchant.getProduct(product.id)).stock, 5);
  const room = await streamer.createRoom({ title: 'JS show' });
  assert.equal(room.status, 'scheduled');
  await streamer.startRoom(room.roomId);
  await streamer.addToShowcase(room.roomId, product.id);
  const pinned = await streamer.pin(room.roomId, product.id);
  assert.deepEqual(pinned.pinned?.price, { currency: 'USD', amountMinor: 4200 });

  const order = await viewer.placeOrder(room.roomId, product.id, 2, `js-order-${id}`);
  assert.equal(order.status, 'reserved');
  assert.equal(order.total.amountMinor, 8400);
  assert.equal((await viewer.placeOrder(room.roomId, product.id, 2, `js-order-${id}`)).orderId, order.orderId);
  assert.equal((await viewer.getOrder(order.orderId)).orderId, order.orderId);

  await assert.rejects(viewer.placeOrder(room.roomId, product.id, 0, `js-bad-${id}`),
    (e) => e instanceof BroadcartApiError && e.code === 'validation_failed' && e.status === 400 && !e.transient);
  await assert.rejects(viewer.placeOrder(room.roomId, product.id, 4, `js-many-${id}`), (e) => e instanceof BroadcartApiError && e.code === 'sold_out' && e.status === 409);
  const anonymous = new BroadcartApiClient({ baseUrl: node.base, accessToken: () => '' });
  await assert.rejects(anonymous.getRoom(room.roomId), (e) => e instanceof BroadcartApiError && e.status === 401);

  const opened = await streamer.openAuction(room.roomId, {
    productId: product.id, startPrice: { currency: 'USD', amountMinor: 1000 }, increment: { currency: 'USD', amountMinor: 100 }, durationSeconds: 600,
  });
  assert.equal((await viewer.getAuction(room.roomId, opened.auctionId)).state, 'open');
  assert.ok((await viewer.getFeed('US', 50)).rooms.some((r) => r.roomId === room.roomId));
  assert.equal((await viewer.follow(`js-streamer-${id}`)).followers, 1);
  assert.equal((await viewer.follow(`js-streamer-${id}`)).followers, 1);
  assert.equal((await viewer.unfollow(`js-streamer-${id}`)).followers, 0);

  await assert.rejects(viewer.getReplayPage(room.roomId), (e) => e instanceof BroadcartApiError && e.code === 'room_not_ended');
  assert.equal((await streamer.endRoom(room.roomId)).status, 'ended');
  const whole = await viewer.getReplayPage(room.roomId, null, 500);
  const paged = [];
  for (let after = null, first = true; first || after; first = false) {
    const page = await viewer.getReplayPage(room.roomId, after, 2);
    paged.push(...page.events);
    after = page.next;
  }
  assert.deepEqual(paged.map((e) => [e.offsetMs, e.type]), whole.events.map((e) => [e.offsetMs, e.type]));
  assert.ok(whole.events.some((e) => e.type === 'productPinned' && e.payload.productId === product.id));
  const streamed = [];
  for await (const e of viewer.readReplay(room.roomId)) streamed.push(e);
  assert.equal(streamed.length, whole.events.length);
});

test('a merchant sets, pauses and resumes a room\'s reach; a bad budget is refused and changes nothing', async () => {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const merchantId = `js-reach-merchant-${id}`;
  const merchant = new BroadcartApiClient({ baseUrl: node.base, accessToken: () => node.token(merchantId, ['merchant']) });
  const streamer = new BroadcartApiClient({ baseUrl: node.base, accessToken: () => node.token(`js-reach-streamer-${id}`, ['streamer']) });
  const room = await streamer.createRoom({ title: 'JS reach', homeRegion: 'US', merchantId });
  await streamer.startRoom(room.roomId);
  const setting = { regions: ['DE'], excludedRegions: ['JP'], budget: { currency: 'EUR', amountMinor: 10000 }, bidCpm: { currency: 'EUR', amountMinor: 500 } };
  const reach = await merchant.setReach(room.roomId, setting);
  assert.deepEqual([reach.regions, reach.state, reach.mode], [['DE'], 'active', 'manual']);
  assert.equal((await merchant.pauseReach(room.roomId)).state, 'paused');
  assert.equal((await merchant.resumeReach(room.roomId)).state, 'active');
  await assert.rejects(merchant.setReach(room.roomId, { ...setting, budget: { currency: 'EUR', amountMinor: 0 } }),
    (e) => e instanceof BroadcartApiError && e.code === 'validation_failed' && e.status === 400);
  assert.equal((await streamer.getReach(room.roomId)).budget.amountMinor, 10000);
});
