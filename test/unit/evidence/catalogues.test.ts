import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  CATALOGUE,
  loadNistPack,
  nistControls,
  parseNistPack,
} from '../../../src/evidence/catalogues.js';
import { PRACTICE_IDS } from '../../../src/model/practices.js';

describe('public catalogue mapping', () => {
  it('[evidence][unit] every listed cdk-nag rule exists in the installed NIST 800-53 R5 pack', () => {
    const pack = loadNistPack();
    assert.ok(pack !== undefined, 'the cdk-nag pack is readable');
    const missing = PRACTICE_IDS.flatMap((id) =>
      CATALOGUE[id].nistRules.filter((rule) => !pack.has(rule)).map((rule) => `${id} ${rule}`),
    );
    assert.deepEqual(missing, []);
  });

  it('[evidence][unit] S12 gets the controls the CloudTrail rules name', () => {
    const controls = nistControls('S12', loadNistPack());
    assert.ok(controls?.includes('AU-9(3)'));
    assert.ok(controls?.includes('SI-7(1)'));
    assert.deepEqual(nistControls('S1', loadNistPack()), []);
    assert.equal(nistControls('S12', undefined), undefined);
  });

  it('[evidence][unit] control ids are read from the rule info text', () => {
    const source = `this.applyRule({ info: 'Trail is bad - (Control IDs: AU-2b, AC-4(26), AU-2b).', explanation: 'x', level: l, rule: cloudtrail_1.CloudTrailX, node: node });`;
    assert.deepEqual([...parseNistPack(source)], [['CloudTrailX', ['AU-2b', 'AC-4(26)']]]);
  });

  it('[evidence][unit] every cited CIS or FISC item has a source address', () => {
    const items = PRACTICE_IDS.flatMap((id) => [...CATALOGUE[id].cis, ...CATALOGUE[id].fisc]);
    assert.ok(items.length > 0);
    for (const item of items) assert.match(item.source, /^https:\/\//);
  });
});
