import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointLength, sliceCodePoints, findAllCodePoints } from './text.js';

test('evidence offsets count code points, so text after an emoji is found at the same offset in any language', () => {
  const s = '🛰️ 卫星 and 实体清单, 实体清单';
  assert.equal(codePointLength('🛰️'), 2); // satellite + variation selector
  const hits = findAllCodePoints(s, '实体清单');
  assert.deepEqual(hits, [10, 16]);
  assert.equal(sliceCodePoints(s, 10, 14), '实体清单');
  assert.equal(sliceCodePoints(s, 0, 1), '🛰');
  assert.deepEqual(findAllCodePoints(s, ''), []);
});
