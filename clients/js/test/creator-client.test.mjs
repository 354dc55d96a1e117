import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BroadcartApiClient, BroadcartApiError } from '../dist/index.js';
import { blobConnectionString, startNode } from './node-under-test.mjs';

let node;

before(async () => { blobConnectionString(); node = await startNode(); });
after(async () => { await node?.stop(); });

const png = (n) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n]);

test('a creator uploads documents, is verified by an admin, sets a payout method; payouts and earnings answer with their codes', async () => {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const creatorId = `js-creator-${id}`;
  const creator = new BroadcartApiClient({ baseUrl: node.base, accessToken: () => node.token(creatorId, ['streamer'], 'BR', 'Bia') });
  const admin = new BroadcartApiClient({ baseUrl: node.base, accessToken: () => node.token(`js-admin-${id}`, ['admin']) });

  const document = await creator.upload('verification', 'image/png', png(1));
  const selfie = await creator.upload('verification', 'image/png', png(2));
  assert.equal(document.url, null);
  assert.equal(await creator.submitVerification({ legalName: 'Bia Souza', country: 'BR', documentMediaId: document.mediaId, selfieMediaId: selfie.mediaId }), 'pending');
  await assert.rejects(creator.listVerifications(), (e) => e instanceof BroadcartApiError && e.status === 403);

  const pending = (await admin.listVerifications()).verifications.find((c) => c.creatorId === creatorId);
  assert.deepEqual(pending.documents.map((d) => d.kind), ['document', 'selfie']);
  assert.deepEqual(new Uint8Array(await (await fetch(pending.documents[0].readUrl)).arrayBuffer()), png(1));
  assert.equal((await admin.approveVerification(creatorId)).verification, 'verified');

  // A rejection needs a reason, and says it.
  const otherId = `js-creator-2-${id}`;
  const other = new BroadcartApiClient({ baseUrl: node.base, accessToken: () => node.token(otherId, ['streamer'], 'PT') });
  const [a, b] = [await other.upload('verification', 'image/png', png(4)), await other.upload('verification', 'image/png', png(5))];
  await other.submitVerification({ legalName: 'Rui', country: 'PT', documentMediaId: a.mediaId, selfieMediaId: b.mediaId });
  await assert.rejects(admin.rejectVerification(otherId, ''), (e) => e instanceof BroadcartApiError && e.code === 'validation_failed' && e.status === 400);
  assert.equal((await admin.rejectVerification(otherId, 'the document is unreadable')).verification, 'rejected');
  assert.equal((await admin.listVerifications('rejected')).verifications.find((c) => c.creatorId === otherId).reason, 'the document is unreadable');

  await assert.rejects(creator.getPayoutMethod(), (e) => e instanceof BroadcartApiError && e.code === 'not_found' && e.status === 404);
  await assert.rejects(creator.requestPayout(`js-payout-${id}`), (e) => e instanceof BroadcartApiError && e.code === 'no_payout_method');
  const method = { rail: 'local', country: 'BR', currency: 'BRL', accountRef: 'pix:bia@example.com' };
  await assert.rejects(creator.setPayoutMethod({ ...method, country: 'BRA' }), (e) => e instanceof BroadcartApiError && e.code === 'validation_failed');
  assert.deepEqual(await creator.setPayoutMethod(method), method);
  assert.deepEqual(await creator.getPayoutMethod(), method);
  await assert.rejects(creator.quotePayout(), (e) => e instanceof BroadcartApiError && e.code === 'nothing_to_pay' && e.status === 409);
  await assert.rejects(creator.requestPayout(`js-payout-${id}`), (e) => e instanceof BroadcartApiError && e.code === 'nothing_to_pay');
  assert.deepEqual(await creator.listPayouts(), []);
  const earnings = await creator.getEarnings();
  assert.deepEqual([earnings.payoutCurrency, earnings.entries], ['BRL', []]);

  const merchant = new BroadcartApiClient({ baseUrl: node.base, accessToken: () => node.token(`js-c-merchant-${id}`, ['merchant']) });
  const image = await merchant.upload('productImage', 'image/png', png(3));
  assert.deepEqual(new Uint8Array(await (await fetch(image.url)).arrayBuffer()), png(3));
  assert.equal((await merchant.createProduct({ title: 'JS pic', stock: 1, prices: [{ region: 'US', currency: 'USD', amountMinor: 100 }], shipsTo: ['US'], imageUrl: image.url })).imageUrl, image.url);
});
