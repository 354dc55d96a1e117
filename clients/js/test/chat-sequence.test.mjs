import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChatSequence } from '../dist/index.js';

const m = (seq) => ({ roomId: 'r', messageId: `m${seq}`, seq, userId: 'u', name: 'U', text: `t${seq}`, sentAt: '' });

test('each message once, in seq order, whatever overlaps', () => {
  const s = new ChatSequence();
  assert.deepEqual(s.accept('r', [m(1), m(2)]).map((x) => x.seq), [1, 2]);
  assert.deepEqual(s.accept('r', [m(2), m(4), m(3)]).map((x) => x.seq), [3, 4]);
  assert.deepEqual(s.accept('r', [m(1), m(4)]), []);
  assert.deepEqual(s.accept('other', [m(1)]).map((x) => x.seq), [1]);
  s.forget('r');
  assert.equal(s.lastSeq('r'), 0);
});
