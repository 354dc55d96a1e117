import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { BroadcartHubError, BroadcartLiveClient } from '../dist/index.js';
import { next, startHop, startNode } from './node-under-test.mjs';

let node;

before(async () => { node = await startNode(); });
after(async () => { await node?.stop(); });

async function liveRoom(title) {
  const streamer = await node.token(`js-streamer-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, ['streamer']);
  const room = await node.rest('POST', '/api/rooms', streamer, { title });
  await node.rest('POST', `/api/rooms/${room.id}/start`, streamer);
  return { roomId: room.id, streamer };
}

test('typed events and results, and coded refusals', async () => {
  const { roomId } = await liveRoom('JS typed');
  const token = await node.token('js-viewer', ['viewer'], 'US', 'Jo');
  const client = new BroadcartLiveClient({ hubUrl: `${node.base}/hubs/live`, accessToken: () => token });
  await client.start();
  try {
    const room = await client.joinRoom(roomId);
    assert.equal(room.status, 'live');
    assert.equal(room.roomId, roomId);
    const seen = next(client, 'chat', (m) => m.text === 'hello from node');
    const ack = await client.sendChat(roomId, 'hello from node');
    const message = await seen;
    assert.equal(message.seq, ack.seq);
    assert.equal(message.name, 'Jo');

    await assert.rejects(client.sendChat(roomId, '   '), (e) => e instanceof BroadcartHubError && e.code === 'validation_failed');
    await assert.rejects(client.like('rnotjoined000'), (e) => e instanceof BroadcartHubError && e.code === 'not_joined');
    await assert.rejects(client.setLanguage('not a language'), (e) => e instanceof BroadcartHubError && e.code === 'validation_failed');
  } finally {
    await client.stop();
  }
});

test('after the network drops, it rejoins and passes on the missed chat once, in order', async () => {
  const { roomId, streamer } = await liveRoom('JS reconnect');
  const hop = await startHop(node.base);
  const token = await node.token('js-reconnect');
  const client = new BroadcartLiveClient({ hubUrl: `${hop.url}/hubs/live`, accessToken: () => token, reconnectDelays: [0, 200, 1000, 2000] });
  const chat = [];
  client.on('chat', (m) => chat.push(m));
  const writer = new BroadcartLiveClient({ hubUrl: `${node.base}/hubs/live`, accessToken: () => streamer });
  await client.start();
  await writer.start();
  try {
    await client.joinRoom(roomId);
    await writer.joinRoom(roomId);
    for (const i of [1, 2, 3]) await writer.sendChat(roomId, `before ${i}`);
    await next(client, 'chat', (m) => m.text === 'before 3');

    let rejoinedFirst = false;
    const rejoined = next(client, 'rejoined', (r) => r.roomId === roomId);
    const reconnected = next(client, 'reconnected', () => true);
    client.on('rejoined', () => { rejoinedFirst = true; });
    hop.cut();
    for (const i of [1, 2, 3]) await writer.sendChat(roomId, `while away ${i}`);
    await rejoined;
    await reconnected;
    assert.ok(rejoinedFirst, 'reconnected comes after the room is joined again');
    const last = next(client, 'chat', (m) => m.text === 'after');
    await writer.sendChat(roomId, 'after');
    await last;

    assert.deepEqual(chat.map((m) => m.seq), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(chat.map((m) => m.text), ['before 1', 'before 2', 'before 3', 'while away 1', 'while away 2', 'while away 3', 'after']);
  } finally {
    await client.stop();
    await writer.stop();
    await hop.close();
  }
});

test('a JSON and a MessagePack client in one room read the same events and answers', async () => {
  const { roomId, streamer } = await liveRoom('JS protocols');
  const json = new BroadcartLiveClient({ hubUrl: `${node.base}/hubs/live`, accessToken: () => node.token('js-json', ['viewer'], 'US', 'Jay') });
  const packed = new BroadcartLiveClient({
    hubUrl: `${node.base}/hubs/live`, accessToken: () => node.token('js-msgpack', ['viewer'], 'US', 'Max'), hubProtocol: new MessagePackHubProtocol(),
  });
  const writer = new BroadcartLiveClient({ hubUrl: `${node.base}/hubs/live`, accessToken: () => streamer });
  await Promise.all([json.start(), packed.start(), writer.start()]);
  try {
    const [roomJson, roomPacked] = await Promise.all([json.joinRoom(roomId), packed.joinRoom(roomId)]);
    await writer.joinRoom(roomId);
    assert.deepEqual({ ...roomPacked, viewerCount: 0 }, { ...roomJson, viewerCount: 0 });

    const seenJson = next(json, 'chat', (m) => m.text === 'both protocols');
    const seenPacked = next(packed, 'chat', (m) => m.text === 'both protocols');
    const likes = [next(json, 'likes'), next(packed, 'likes')];
    const ack = await writer.sendChat(roomId, 'both protocols');
    await packed.like(roomId);
    const [a, b] = await Promise.all([seenJson, seenPacked]);
    assert.deepEqual(b, a);
    assert.equal(typeof b.sentAt, 'string', 'times are ISO strings on MessagePack too');
    assert.equal(b.seq, ack.seq);
    const [likeJson, likePacked] = await Promise.all(likes);
    assert.deepEqual(likePacked, likeJson);

    await assert.rejects(packed.sendChat(roomId, '   '), (e) => e instanceof BroadcartHubError && e.code === 'validation_failed');
  } finally {
    await Promise.all([json.stop(), packed.stop(), writer.stop()]);
  }
});
