import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { JUnitFormatError, parseJUnit } from '../../../src/evidence/junit.js';
import { JUNIT_FIXTURE } from './fixtures.js';

describe('JUnit results of the node reporter', () => {
  it('[evidence][unit] reads every test case with its outcome and suite', () => {
    const results = parseJUnit(JUNIT_FIXTURE);
    assert.deepEqual(
      results.map((result) => [result.outcome, result.suite]),
      [
        ['passed', 'pods'],
        ['passed', 'pods'],
        ['failed', 'pods'],
        ['passed', 'nested rules'],
        ['skipped', 'edge'],
        ['passed', 'edge'],
        ['passed', 'edge'],
      ],
    );
    assert.equal(results[0]?.file, '/repo/test/unit/kube/pods.test.ts');
  });

  it('[evidence][unit] undoes the double escaping of quotes in titles', () => {
    const failed = parseJUnit(JUNIT_FIXTURE)[2];
    assert.equal(failed?.name, '[S8][apiserver] default-deny "all" <in> every namespace');
    assert.equal(failed?.message, 'Expected values to be strictly equal:');
  });

  it('[evidence][unit] an unclosed element is malformed', () => {
    assert.throws(
      () => parseJUnit('<testsuites><testsuite name="x"><testcase name="a">'),
      (error: unknown) =>
        error instanceof JUnitFormatError && error.reason === '<testcase> is not closed',
    );
  });

  it('[evidence][unit] another root element is malformed', () => {
    assert.throws(
      () => parseJUnit('<html><body></body></html>'),
      (error: unknown) =>
        error instanceof JUnitFormatError &&
        error.reason === 'the root element is <html>, not <testsuites>',
    );
  });

  it('[evidence][unit] text with no element is malformed', () => {
    assert.throws(
      () => parseJUnit('not xml at all'),
      (error: unknown) =>
        error instanceof JUnitFormatError && error.reason === 'no <testsuites> element',
    );
  });
});
