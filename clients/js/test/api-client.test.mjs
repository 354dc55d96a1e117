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

test('deals, moderators and the CSVs: a merchant offers, an unverified creator is refused, a streamer appoints and dismisses', async () => {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const merchant = new BroadcartApiClient({ baseUrl: node.base, accessToken: () => node.token(`js-deal-merchant-${id}`, ['merchant']) });
  const streamer = new BroadcartApiClient({ baseUrl: node.base, accessToken: () => node.token(`js-deal-streamer-${id}`, ['streamer']) });
  const product = await merchant.createProduct({ title: 'JS deal', stock: 3, prices: [{ region: 'US', currency: 'USD', amountMinor: 1000 }], shipsTo: ['US'] });
  const deal = await merchant.createDeal({ productId: product.id, commissionBps: 750, minFollowers: 0 });
  assert.deepEqual([deal.productId, deal.commissionBps], [product.id, 750]);
  assert.ok((await merchant.listDeals()).some((d) => d.dealId === deal.dealId));
  await assert.rejects(streamer.acceptDeal(deal.dealId), (e) => e instanceof BroadcartApiError && e.code === 'not_verified' && e.status === 403);

  const room = await streamer.createRoom({ title: 'JS mods', merchantId: `js-deal-merchant-${id}` });
  assert.deepEqual((await streamer.appointModerator(room.roomId, 'js-mod')).moderators, ['js-mod']);
  assert.deepEqual((await streamer.dismissModerator(room.roomId, 'js-mod')).moderators, []);
  assert.match(await streamer.exportChat(room.roomId), /^seq,sentAt,messageId,userId,name,text,deleted/);
  assert.match(await merchant.getReportCsv(room.roomId, 'EUR'), /^scope,key,currency,/);
});

test('every REST operation the node documents is a call of the client, and every call is one of them', async () => {
  // Not for applications, each for its reason (the .NET client's coverage test lists the same, and checks each is still mapped).
  const notInClient = new Set([
    'post /api/dev/token', // development only
    'post /api/payments/webhook', // the payment provider's call
    'post /api/admin/dashboard/session', 'delete /api/admin/dashboard/session', // the operators' dashboard
    'get /api/admin/cluster', 'get /api/admin/storage', 'get /api/admin/diagnostics/memory', // operators' diagnostics
  ]);
  const document = await (await fetch(`${node.base}/openapi/v1.json`)).json();
  const operations = Object.entries(document.paths).filter(([route]) => route.startsWith('/api/'))
    .flatMap(([route, ops]) => Object.keys(ops).filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m)).map((m) => ({ method: m, route })));
  assert.ok(operations.some((o) => o.method === 'get' && o.route === '/api/rooms/{roomId}'));

  const requests = [];
  const recording = async (url, init) => {
    requests.push({ method: (init?.method ?? 'GET').toLowerCase(), url: String(url) });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = new BroadcartApiClient({ baseUrl: 'https://example.test/live/', accessToken: () => 't', fetch: recording });
  for (const name of Object.getOwnPropertyNames(BroadcartApiClient.prototype).filter((n) => n !== 'constructor')) {
    try {
      const result = client[name]('x1', 'x1', 'x1', 'x1');
      if (result && typeof result.next === 'function') await result.next();
      else await result;
    } catch {
      // An empty answer does not make most results; only the request matters here.
    }
  }

  // Under the base URL's own path, and matching a documented operation.
  const ours = requests.filter((r) => r.url.startsWith('https://example.test/live/api/'));
  const matches = (o, r) => o.method === r.method
    && new RegExp(`^${o.route.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(decodeURIComponent(new URL(r.url).pathname.slice('/live'.length)));
  assert.deepEqual(ours.filter((r) => !operations.some((o) => matches(o, r))), [], 'the client calls what the node does not document');
  assert.deepEqual(operations.filter((o) => !notInClient.has(`${o.method} ${o.route}`) && !ours.some((r) => matches(o, r))).map((o) => `${o.method} ${o.route}`), [],
    'no client call for these operations');
});
