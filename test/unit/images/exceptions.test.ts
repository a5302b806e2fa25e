import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Document, parseDocument } from 'yaml';
import { readFileSync } from 'node:fs';

import { ConfigError, parsePlatformConfig } from '../../../src/config/load.js';
import { t } from '../../../src/i18n/catalog.js';
import {
  exceptionHorizonProblems,
  exceptionMatches,
  findException,
  isInForce,
  type ImageException,
} from '../../../src/images/exceptions.js';

const EXAMPLE = readFileSync('examples/platform.yaml', 'utf8');

function exampleWith(exceptions: unknown[]): string {
  const document: Document = parseDocument(EXAMPLE);
  document.set('images', { exceptions });
  return document.toString();
}

function problemIds(text: string): string[] {
  try {
    parsePlatformConfig(text, 'platform.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems.map((problem) => `${problem.messageId} ${String(problem.params.path)}`);
  }
  return [];
}

const EXCEPTION: ImageException = {
  finding: 'CVE-2026-1234',
  repository: 'payments/*',
  reason: 'not reachable from the request path',
  expires: '2027-01-31',
};

describe('image exceptions', () => {
  it('[S3][unit] applies through the expiry day', () => {
    assert.equal(isInForce(EXCEPTION, '2027-01-31'), true);
    assert.equal(isInForce(EXCEPTION, '2027-02-01'), false);
  });

  it('[S3][unit] matches id and repository pattern', () => {
    assert.equal(exceptionMatches(EXCEPTION, 'cve-2026-1234', 'payments/api'), true);
    assert.equal(exceptionMatches(EXCEPTION, 'CVE-2026-1234', 'payments/batch/worker'), true);
    assert.equal(exceptionMatches(EXCEPTION, 'CVE-2026-1234', 'paymentsx/api'), false);
    assert.equal(exceptionMatches(EXCEPTION, 'CVE-2026-9999', 'payments/api'), false);
    assert.equal(
      exceptionMatches({ ...EXCEPTION, repository: undefined }, 'CVE-2026-1234', 'any/repo'),
      true,
    );
  });

  it('[S3][unit] treats dots in patterns literally', () => {
    const dotted = { ...EXCEPTION, repository: 'team/app.v1' };
    assert.equal(exceptionMatches(dotted, 'CVE-2026-1234', 'team/app.v1'), true);
    assert.equal(exceptionMatches(dotted, 'CVE-2026-1234', 'team/appxv1'), false);
  });

  it('[S3][unit] prefers an exception in force', () => {
    const expired = { ...EXCEPTION, expires: '2026-11-30' };
    const lookup = findException(
      [expired, EXCEPTION],
      'CVE-2026-1234',
      'payments/api',
      '2026-12-04',
    );
    assert.equal(lookup.applied, EXCEPTION);
    assert.equal(lookup.expired, undefined);
  });

  it('[S3][unit] reports an expired exception', () => {
    const expired = { ...EXCEPTION, expires: '2026-11-30' };
    const lookup = findException([expired], 'CVE-2026-1234', 'payments/api', '2026-12-04');
    assert.equal(lookup.applied, undefined);
    assert.equal(lookup.expired, expired);
  });

  it('[S3][unit] rejects expiry beyond 180 days', () => {
    const problems = exceptionHorizonProblems(
      [EXCEPTION, { ...EXCEPTION, expires: '2027-06-03' }, { ...EXCEPTION, expires: '2027-06-02' }],
      '2026-12-04',
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.messageId, 'images.exception.tooFar');
    assert.equal(problems[0]?.params.path, 'images.exceptions[1].expires');
    assert.equal(problems[0]?.params.latest, '2027-06-02');
    assert.equal(
      t('images.exception.tooFar', problems[0]?.params ?? {}, 'en'),
      'images.exceptions[1].expires: the exception for CVE-2026-1234 expires on 2027-06-03, later than 2027-06-02 (180 days from today).',
    );
  });
});

describe('images.exceptions in platform.yaml', () => {
  it('[S3][unit] accepts a complete exception', () => {
    const config = parsePlatformConfig(exampleWith([EXCEPTION]), 'platform.yaml');
    assert.deepEqual(config.images.exceptions, [EXCEPTION]);
  });

  it('[S3][unit] defaults to no exceptions', () => {
    const config = parsePlatformConfig(EXAMPLE, 'platform.yaml');
    assert.deepEqual(config.images, { exceptions: [] });
  });

  it('[S3][unit] requires reason and expiry', () => {
    const ids = problemIds(exampleWith([{ finding: 'CVE-2026-1234' }]));
    assert.equal(ids.length, 2);
    assert.match(ids[0] ?? '', /images\.exceptions\[0\]\.reason$/);
    assert.match(ids[1] ?? '', /images\.exceptions\[0\]\.expires$/);
  });

  it('[S3][unit] rejects an impossible date', () => {
    assert.deepEqual(problemIds(exampleWith([{ ...EXCEPTION, expires: '2027-02-30' }])), [
      'config.format.isoDate images.exceptions[0].expires',
    ]);
  });

  it('[S3][unit] rejects a malformed finding id', () => {
    assert.deepEqual(problemIds(exampleWith([{ ...EXCEPTION, finding: 'CVE 2026' }])), [
      'config.format.findingId images.exceptions[0].finding',
    ]);
  });

  it('[S3][unit] rejects an uppercase repository', () => {
    assert.deepEqual(problemIds(exampleWith([{ ...EXCEPTION, repository: 'Payments/*' }])), [
      'config.format.repositoryPattern images.exceptions[0].repository',
    ]);
  });
});
