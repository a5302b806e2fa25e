import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { RecentSet } from '../../../src/audit/seen.js';

describe('recent set', () => {
  it('[S12][unit] keeps the newest keys up to capacity', () => {
    const set = new RecentSet(3);
    for (const key of ['a', 'b', 'c', 'a', 'd']) set.add(key);
    assert.equal(set.has('a'), false);
    assert.equal(set.has('b'), true);
    assert.equal(set.has('d'), true);
    assert.deepEqual(set.toJSON(), ['b', 'c', 'd']);
  });

  it('[S12][unit] restore replays keys oldest first', () => {
    const set = new RecentSet(2);
    set.restore(['x', 'y', 'z']);
    assert.deepEqual(set.toJSON(), ['y', 'z']);
  });
});
