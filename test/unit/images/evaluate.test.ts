import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ReferencedImage } from '../../../src/images/collect.js';
import type { EcrImage } from '../../../src/images/ecr-location.js';
import { evaluateImage, type EvaluationSettings } from '../../../src/images/evaluate.js';
import type { ScanFinding, ScanRead } from '../../../src/images/scan.js';
import { reachesThreshold, reportedSeverity } from '../../../src/images/severity.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const REFERENCED: ReferencedImage = {
  image: '111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/payments/api:1.0',
  uses: [{ object: 'Deployment a/api', container: 'containers[0] "api"' }],
};
const LOCATION: EcrImage = {
  registryId: '111122223333',
  region: 'ap-northeast-1',
  repository: 'payments/api',
  tag: '1.0',
};
const SETTINGS: EvaluationSettings = { failOn: 'CRITICAL', exceptions: [], today: '2026-12-04' };

function finding(id: string, severity: ScanFinding['severity']): ScanFinding {
  return { id, severity, source: 'enhanced' };
}

function scanned(findings: ScanFinding[], status = 'ACTIVE'): ScanRead {
  return { evaluated: true, digest: DIGEST, status, findings };
}

describe('scan severities', () => {
  it('[S3][unit] ranks severities against the threshold', () => {
    assert.equal(reachesThreshold('CRITICAL', 'CRITICAL'), true);
    assert.equal(reachesThreshold('HIGH', 'CRITICAL'), false);
    assert.equal(reachesThreshold('HIGH', 'HIGH'), true);
    assert.equal(reachesThreshold('INFORMATIONAL', 'LOW'), false);
  });

  it('[S3][unit] fails unranked findings at any threshold', () => {
    assert.equal(reachesThreshold('UNTRIAGED', 'CRITICAL'), true);
    assert.equal(reachesThreshold('UNDEFINED', 'CRITICAL'), true);
  });

  it('[S3][unit] files unknown severities as UNDEFINED', () => {
    assert.equal(reportedSeverity('critical'), 'CRITICAL');
    assert.equal(reportedSeverity('SEVERE'), 'UNDEFINED');
    assert.equal(reportedSeverity(undefined), 'UNDEFINED');
  });
});

describe('image evaluation', () => {
  it('[S3][unit] fails on a critical finding', () => {
    const result = evaluateImage(
      REFERENCED,
      LOCATION,
      scanned([finding('CVE-2026-1', 'CRITICAL'), finding('CVE-2026-2', 'HIGH')]),
      SETTINGS,
    );
    assert.equal(result.verdict, 'fail');
    assert.equal(result.digest, DIGEST);
    assert.equal(result.counts.CRITICAL, 1);
    assert.equal(result.counts.HIGH, 1);
    assert.deepEqual(
      result.blocking.map((entry) => entry.id),
      ['CVE-2026-1'],
    );
  });

  it('[S3][unit] passes findings below the threshold', () => {
    const result = evaluateImage(
      REFERENCED,
      LOCATION,
      scanned([finding('CVE-2026-2', 'HIGH')], 'COMPLETE'),
      SETTINGS,
    );
    assert.equal(result.verdict, 'pass');
    assert.equal(result.scanStatus, 'COMPLETE');
  });

  it('[S3][unit] fails on an untriaged finding', () => {
    const result = evaluateImage(
      REFERENCED,
      LOCATION,
      scanned([finding('CVE-2026-3', 'UNTRIAGED')]),
      SETTINGS,
    );
    assert.equal(result.verdict, 'fail');
    assert.equal(result.counts.UNTRIAGED, 1);
  });

  it('[S3][unit] applies an exception in force', () => {
    const exception = {
      finding: 'CVE-2026-1',
      reason: 'fix ships with the next base image',
      expires: '2026-12-04',
    };
    const result = evaluateImage(
      REFERENCED,
      LOCATION,
      scanned([finding('CVE-2026-1', 'CRITICAL')]),
      { ...SETTINGS, exceptions: [exception] },
    );
    assert.equal(result.verdict, 'pass');
    assert.equal(result.counts.CRITICAL, 1);
    assert.deepEqual(result.exceptionsApplied, [{ ...exception, severity: 'CRITICAL' }]);
  });

  it('[S3][unit] lists an expired exception', () => {
    const exception = {
      finding: 'CVE-2026-1',
      reason: 'fix ships with the next base image',
      expires: '2026-12-03',
    };
    const result = evaluateImage(
      REFERENCED,
      LOCATION,
      scanned([finding('CVE-2026-1', 'CRITICAL')]),
      { ...SETTINGS, exceptions: [exception] },
    );
    assert.equal(result.verdict, 'fail');
    assert.deepEqual(result.exceptionsApplied, []);
    assert.deepEqual(result.exceptionsExpired, [{ ...exception, severity: 'CRITICAL' }]);
  });

  it('[S3][unit] fails closed on an unfinished scan', () => {
    for (const status of ['IN_PROGRESS', 'PENDING', 'FAILED', 'UNSUPPORTED_IMAGE']) {
      const result = evaluateImage(
        REFERENCED,
        LOCATION,
        { evaluated: false, digest: DIGEST, code: 'scan-status', detail: status },
        SETTINGS,
      );
      assert.equal(result.verdict, 'fail', status);
      assert.equal(result.scanStatus, status);
      assert.deepEqual(result.closed, { reason: 'scan-status', detail: status });
    }
  });
});
