import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildEvidence } from '../../../src/evidence/build.js';
import { parseJUnit } from '../../../src/evidence/junit.js';
import { controlsFixture, JUNIT_FIXTURE } from './fixtures.js';

function pack() {
  return buildEvidence({
    controls: controlsFixture(),
    results: parseJUnit(JUNIT_FIXTURE),
    nistPack: new Map([['CloudTrailEncryptionEnabled', ['SC-13a', 'AU-9(3)']]]),
  });
}

function practice(id: string) {
  const found = pack().practices.find((entry) => entry.practice.id === id);
  assert.ok(found, `${id} is in the pack`);
  return found;
}

describe('evidence per practice', () => {
  it('[evidence][unit] a practice with passing tests only is done', () => {
    const s1 = practice('S1');
    assert.equal(s1.status, 'done');
    assert.deepEqual(
      s1.tests.map((test) => [test.outcome, test.component, test.title]),
      [
        ['passed', 'manifest', 'app containers run as non-root'],
        ['passed', 'apiserver', 'restricted Pod Security rejects a root pod'],
      ],
    );
    assert.deepEqual(
      s1.manifests.map((entry) => entry.file),
      ['k8s/kinko-demo-blue/a/20-web.yaml'],
    );
  });

  it('[evidence][unit] a failing test makes the practice failing, with its gap', () => {
    const s8 = practice('S8');
    assert.equal(s8.status, 'failing');
    assert.deepEqual(s8.gaps, [{ en: 'A gap.', ja: '不足があります。' }]);
  });

  it('[evidence][unit] a practice with no test, or only skipped ones, is unproven', () => {
    assert.equal(practice('S5').status, 'unproven');
    assert.deepEqual(practice('S5').tests, []);
    assert.equal(practice('R6').status, 'unproven');
    assert.equal(practice('R6').tests[0]?.outcome, 'skipped');
    assert.equal(practice('S12').status, 'unproven');
    assert.equal(practice('S12').resources[0]?.logicalId, 'Trail');
  });

  it('[evidence][unit] one test proves both practices it names', () => {
    assert.equal(practice('R1').status, 'done');
    assert.equal(practice('R4').status, 'done');
  });

  it("[evidence][unit] Kinko's own controls and the totals", () => {
    const evidence = pack();
    assert.deepEqual(
      evidence.ownControls.map((entry) => [entry.control, entry.status, entry.tests.length]),
      [['config', 'done', 1]],
    );
    assert.deepEqual(evidence.totals, {
      tests: 7,
      passed: 5,
      failed: 1,
      skipped: 1,
      untagged: 1,
    });
  });

  it('[evidence][unit] NIST controls come from the pack, sorted; no rule means none', () => {
    assert.deepEqual(practice('S12').nist, ['AU-9(3)', 'SC-13a']);
    assert.deepEqual(practice('S1').nist, []);
  });
});
