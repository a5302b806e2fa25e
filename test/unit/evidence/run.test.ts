import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { KinkoError, renderError } from '../../../src/errors.js';
import {
  EVIDENCE_CONTROLS_MALFORMED,
  EVIDENCE_CONTROLS_MISSING,
  EVIDENCE_RESULTS_MALFORMED,
  EVIDENCE_RESULTS_MISSING,
  readControls,
  readTestResults,
} from '../../../src/evidence/run.js';

describe('evidence inputs', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinko-evidence-unit-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function failure(action: () => unknown): KinkoError {
    try {
      action();
    } catch (error) {
      if (error instanceof KinkoError) return error;
      throw error;
    }
    assert.fail('expected a KinkoError');
  }

  it('[evidence][unit] a missing results file names the file and says to run npm test', () => {
    const file = join(dir, 'none.xml');
    const error = failure(() => readTestResults(file));
    assert.equal(error.code, EVIDENCE_RESULTS_MISSING);
    const text = renderError(error, 'en');
    assert.ok(text.includes(file));
    assert.ok(text.includes('run npm test first'));
  });

  it('[evidence][unit] a cut-short results file is malformed', () => {
    const file = join(dir, 'cut.xml');
    writeFileSync(file, '<?xml version="1.0"?>\n<testsuites>\n<testsuite name="x">');
    const error = failure(() => readTestResults(file));
    assert.equal(error.code, EVIDENCE_RESULTS_MALFORMED);
    assert.deepEqual(error.summary.params, { file, reason: '<testsuite> is not closed' });
    assert.ok(renderError(error, 'ja').includes('npm test'));
  });

  it('[evidence][unit] a results file with no test case is rejected', () => {
    const file = join(dir, 'empty.xml');
    writeFileSync(file, '<testsuites></testsuites>');
    const error = failure(() => readTestResults(file));
    assert.equal(error.code, EVIDENCE_RESULTS_MALFORMED);
    assert.equal(error.summary.messageId, 'evidence.results.empty');
  });

  it('[evidence][unit] a missing controls.json says to run kinko synth', () => {
    const error = failure(() => readControls(join(dir, 'controls.json')));
    assert.equal(error.code, EVIDENCE_CONTROLS_MISSING);
    assert.ok(renderError(error, 'en').includes('run kinko synth first'));
  });
});

describe('controls.json checks', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinko-evidence-controls-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('[evidence][unit] invalid JSON in controls.json is malformed', () => {
    const file = join(dir, 'controls.json');
    writeFileSync(file, '{"version": 1,');
    assert.throws(
      () => readControls(file),
      (error: unknown) => error instanceof KinkoError && error.code === EVIDENCE_CONTROLS_MALFORMED,
    );
  });

  it('[evidence][unit] controls.json without the ledgers is malformed', () => {
    const file = join(dir, 'partial.json');
    writeFileSync(file, JSON.stringify({ version: 1, platform: 'kinko-demo', cloudFormation: [] }));
    assert.throws(
      () => readControls(file),
      (error: unknown) =>
        error instanceof KinkoError &&
        error.code === EVIDENCE_CONTROLS_MALFORMED &&
        error.summary.params.reason === 'no manifests list',
    );
  });
});
