import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { KinkoError } from '../../../src/errors.js';
import {
  amiTypeOfNode,
  minorVersionOf,
  recommendedPath,
  releasesPath,
} from '../../../src/ops/nodes/ami-types.js';
import { assessRelease } from '../../../src/ops/nodes/assess.js';
import type { LatestLookup } from '../../../src/ops/nodes/latest.js';
import {
  compareReleases,
  daysBehind,
  parseRelease,
  tryParseRelease,
} from '../../../src/ops/nodes/release.js';

const PARAMETER =
  '/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/recommended/release_version';

function release(text: string) {
  return tryParseRelease(text) ?? assert.fail(`${text} did not parse`);
}

function found(text: string): LatestLookup {
  return {
    found: true,
    latest: { release: release(text), parameter: PARAMETER, imageId: 'ami-0new' },
  };
}

describe('AMI release strings', () => {
  it('[unit] parses version and release date', () => {
    const parsed = release('1.33.5-20251120');
    assert.equal(parsed.kubernetesVersion, '1.33');
    assert.equal(parsed.patch, 5);
    assert.equal(parsed.date, '2025-11-20');
    assert.equal(parsed.dateMs, Date.UTC(2025, 10, 20));
  });

  for (const text of [
    '1.33.5',
    '1.33-20251120',
    '1.33.5-2025112',
    '1.33.5-20250230',
    '1.33.5-20251320',
    'v1.33.5-20251120',
    '1.33.5-20251120-extra',
    '',
  ]) {
    it(`[unit] rejects malformed release "${text}"`, () => {
      assert.equal(tryParseRelease(text), undefined);
    });
  }

  it('[unit] parse error names value and source', () => {
    assert.throws(
      () => parseRelease('latest', 'node-releases.json releases[0]'),
      (error: unknown) => {
        assert.ok(error instanceof KinkoError);
        assert.equal(error.code, 'KINKO_NODES_FAILED');
        assert.equal(error.summary.messageId, 'nodes.release.invalid');
        assert.deepEqual(error.summary.params, {
          value: 'latest',
          source: 'node-releases.json releases[0]',
        });
        return true;
      },
    );
  });

  it('[unit] days behind counts calendar days', () => {
    assert.equal(daysBehind(release('1.33.4-20251015'), release('1.33.5-20251120')), 36);
    assert.equal(daysBehind(release('1.32.1-20240228'), release('1.32.1-20240301')), 2);
  });

  it('[unit] days behind is 0 for newer', () => {
    assert.equal(daysBehind(release('1.33.5-20251201'), release('1.33.5-20251120')), 0);
  });

  it('[unit] orders by date then patch', () => {
    assert.ok(compareReleases(release('1.33.4-20251015'), release('1.33.5-20251120')) < 0);
    assert.ok(compareReleases(release('1.33.4-20251120'), release('1.33.5-20251120')) < 0);
    assert.equal(compareReleases(release('1.33.5-20251120'), release('1.33.5-20251120')), 0);
  });
});

describe('release assessment', () => {
  it('[S9][unit] same release is current', () => {
    const result = assessRelease('1.33.5-20251120', 'test', found('1.33.5-20251120'), 0);
    assert.equal(result.status, 'current');
    assert.equal(result.passed, true);
    assert.equal(result.daysBehind, 0);
    assert.equal(result.latestParameter, PARAMETER);
  });

  it('[S9][unit] older release lags and fails', () => {
    const result = assessRelease('1.33.4-20251015', 'test', found('1.33.5-20251120'), 0);
    assert.equal(result.status, 'lagging');
    assert.equal(result.passed, false);
    assert.equal(result.current, '1.33.4-20251015');
    assert.equal(result.latest, '1.33.5-20251120');
    assert.equal(result.daysBehind, 36);
  });

  it('[S9][unit] lag within limit passes', () => {
    const result = assessRelease('1.33.4-20251015', 'test', found('1.33.5-20251120'), 36);
    assert.equal(result.status, 'lagging');
    assert.equal(result.passed, true);
  });

  it('[S9][unit] lag one day over limit fails', () => {
    const result = assessRelease('1.33.4-20251015', 'test', found('1.33.5-20251120'), 35);
    assert.equal(result.passed, false);
  });

  it('[S9][unit] malformed current is unknown', () => {
    const result = assessRelease(
      '1.33.4',
      'EKS DescribeNodegroup general releaseVersion',
      found('1.33.5-20251120'),
      0,
    );
    assert.equal(result.status, 'unknown');
    assert.equal(result.passed, false);
    assert.deepEqual(result.reason, {
      messageId: 'nodes.release.invalid',
      params: { value: '1.33.4', source: 'EKS DescribeNodegroup general releaseVersion' },
    });
  });

  it('[S9][unit] missing latest is unknown', () => {
    const reason = {
      messageId: 'nodes.reason.parameterMissing',
      params: { parameter: PARAMETER, region: 'ap-northeast-1' },
    };
    const result = assessRelease('1.33.4-20251015', 'test', { found: false, reason }, 0);
    assert.equal(result.status, 'unknown');
    assert.equal(result.passed, false);
    assert.equal(result.current, '1.33.4-20251015');
    assert.deepEqual(result.reason, reason);
  });
});

describe('SSM paths and node facts', () => {
  it('[unit] recommended path of AL2023 x86_64', () => {
    assert.equal(
      recommendedPath('1.33', 'AL2023_x86_64_STANDARD'),
      '/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/recommended',
    );
    assert.equal(
      releasesPath('1.33', 'AL2023_ARM_64_STANDARD'),
      '/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard',
    );
  });

  it('[unit] Bottlerocket has no path', () => {
    assert.equal(recommendedPath('1.33', 'BOTTLEROCKET_x86_64'), undefined);
    assert.equal(recommendedPath('1.33', 'CUSTOM'), undefined);
  });

  it('[unit] minor version of kubelet', () => {
    assert.equal(minorVersionOf('v1.33.5-eks-113cf36'), '1.33');
    assert.equal(minorVersionOf('v1.37.2'), '1.37');
    assert.equal(minorVersionOf('fake'), undefined);
    assert.equal(minorVersionOf(undefined), undefined);
  });

  it('[unit] AMI type of unmanaged node', () => {
    assert.equal(amiTypeOfNode('amd64', 'Amazon Linux 2023.9.20251117'), 'AL2023_x86_64_STANDARD');
    assert.equal(amiTypeOfNode('arm64', 'Amazon Linux 2023.9.20251117'), 'AL2023_ARM_64_STANDARD');
    assert.equal(amiTypeOfNode('amd64', 'Bottlerocket OS 1.49.0'), undefined);
    assert.equal(amiTypeOfNode(undefined, 'Amazon Linux 2023.9.20251117'), undefined);
  });
});
