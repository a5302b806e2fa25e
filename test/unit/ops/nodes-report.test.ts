import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { loadPlatformConfig } from '../../../src/config/load.js';
import { KinkoError } from '../../../src/errors.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import type { FreshnessReport } from '../../../src/ops/nodes/freshness.js';
import {
  findPinnedRelease,
  readRecord,
  recordPathFor,
  releaseNeeds,
  writeRecord,
} from '../../../src/ops/nodes/record.js';
import { renderFreshness, renderPinChanges } from '../../../src/ops/nodes/render.js';

const PARAMETER =
  '/aws/service/eks/optimized-ami/1.36/amazon-linux-2023/x86_64/standard/recommended/release_version';

const REPORT: FreshnessReport = {
  cluster: 'kinko-demo-blue',
  region: 'ap-northeast-1',
  maxDaysBehind: 0,
  failed: 2,
  entries: [
    {
      kind: 'nodegroup',
      name: 'general',
      status: 'lagging',
      passed: false,
      current: '1.36.2-20261001',
      latest: '1.36.5-20261119',
      latestParameter: PARAMETER,
      daysBehind: 49,
    },
    {
      kind: 'node',
      name: 'ip-10-0-1-23',
      nodegroup: 'fresh',
      status: 'current',
      passed: true,
      current: '1.36.5-20261119',
      latest: '1.36.5-20261119',
      daysBehind: 0,
    },
    {
      kind: 'node',
      name: 'self-managed-1',
      status: 'unknown',
      passed: false,
      reason: {
        messageId: 'nodes.reason.noImageLabel',
        params: { node: 'self-managed-1', label: 'eks.amazonaws.com/nodegroup-image' },
      },
    },
  ],
};

describe('node freshness report', () => {
  it('[S9][unit] English text lists versions', () => {
    assert.equal(
      renderFreshness(REPORT, 'en'),
      [
        'AMI releases of cluster kinko-demo-blue (ap-northeast-1); allowed lag: 0 days',
        '  LAGGING  node group general: 1.36.2-20261001, latest 1.36.5-20261119, 49 days behind',
        '  current  node ip-10-0-1-23: 1.36.5-20261119 (latest 1.36.5-20261119)',
        '  UNKNOWN  node self-managed-1: node self-managed-1 has no eks.amazonaws.com/nodegroup-image label, so its AMI is unknown (nodes outside EKS managed node groups lack it)',
        '3 checked, 2 failed',
        '',
      ].join('\n'),
    );
  });

  it('[S9][unit] Japanese text lists versions', () => {
    const text = renderFreshness(REPORT, 'ja');
    assert.match(
      text,
      /ノードグループ general: 1\.36\.2-20261001、最新は 1\.36\.5-20261119、49 日遅れ/,
    );
    assert.match(text, /3 件を確認、不合格 2 件/);
  });

  it('[S9][unit] lag within limit is marked', () => {
    const entry = { ...REPORT.entries[0]!, passed: true };
    const text = renderFreshness(
      { ...REPORT, maxDaysBehind: 60, entries: [entry], failed: 0 },
      'en',
    );
    assert.match(
      text,
      / lagging {2}node group general: .*49 days behind \(within the allowed lag\)/,
    );
  });
});

describe('recorded release lookup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinko-node-releases-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const release = (region: string, kubernetesVersion: string) => ({
    region,
    kubernetesVersion,
    amiType: 'AL2023_x86_64_STANDARD',
    releaseVersion: `${kubernetesVersion}.5-20261119`,
    parameter: PARAMETER.replace('/1.36/', `/${kubernetesVersion}/`),
    lookedUpAt: '2026-11-26',
  });

  it('[S9][unit] record file sits beside platform.yaml', () => {
    assert.equal(recordPathFor('examples/platform.yaml'), join('examples', 'node-releases.json'));
  });

  it('[S9][unit] write sorts, read round-trips', () => {
    const file = join(dir, 'sorted.json');
    writeRecord(file, {
      releases: [
        release('ap-northeast-3', '1.36'),
        release('ap-northeast-1', '1.37'),
        release('ap-northeast-1', '1.36'),
      ],
    });
    const record = readRecord(file) ?? assert.fail('no record read');
    assert.deepEqual(
      record.releases.map((entry) => `${entry.region} ${entry.kubernetesVersion}`),
      ['ap-northeast-1 1.36', 'ap-northeast-1 1.37', 'ap-northeast-3 1.36'],
    );
    assert.match(readFileSync(file, 'utf8'), /\n$/);
  });

  it('[S9][unit] missing record reads as none', () => {
    assert.equal(readRecord(join(dir, 'absent.json')), undefined);
  });

  it('[S9][unit] malformed release rejects record', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        releases: [{ ...release('ap-northeast-1', '1.36'), releaseVersion: '1.36.5' }],
      }),
    );
    assert.throws(
      () => readRecord(file),
      (error: unknown) => {
        assert.ok(error instanceof KinkoError);
        assert.equal(error.code, 'KINKO_NODES_FAILED');
        assert.equal(error.summary.messageId, 'nodes.release.invalid');
        assert.deepEqual(error.summary.params, {
          value: '1.36.5',
          source: `${file} releases[0].releaseVersion`,
        });
        return true;
      },
    );
  });

  it('[S9][unit] invalid JSON rejects record', () => {
    const file = join(dir, 'truncated.json');
    writeFileSync(file, '{"releases": [');
    assert.throws(
      () => readRecord(file),
      (error: unknown) => {
        assert.ok(error instanceof KinkoError);
        assert.equal(error.code, 'KINKO_NODES_FAILED');
        assert.equal(error.summary.messageId, 'nodes.record.invalid');
        assert.equal(error.summary.params.file, file);
        return true;
      },
    );
  });

  it('[S9][unit] example needs three placements', () => {
    const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));
    assert.deepEqual(releaseNeeds(platform), [
      { region: 'ap-northeast-1', kubernetesVersion: '1.36', amiType: 'AL2023_x86_64_STANDARD' },
      { region: 'ap-northeast-1', kubernetesVersion: '1.37', amiType: 'AL2023_x86_64_STANDARD' },
      { region: 'ap-northeast-3', kubernetesVersion: '1.36', amiType: 'AL2023_x86_64_STANDARD' },
    ]);
  });

  it('[S9][unit] example record pins every placement', () => {
    const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));
    const record =
      readRecord('examples/node-releases.json') ?? assert.fail('example has no record');
    for (const need of releaseNeeds(platform)) {
      assert.ok(
        findPinnedRelease(record.releases, need),
        `${need.region} ${need.kubernetesVersion}`,
      );
    }
  });

  it('[S9][unit] pin output shows old and new', () => {
    const text = renderPinChanges(
      [
        { release: release('ap-northeast-1', '1.36'), previous: '1.36.2-20261001' },
        { release: release('ap-northeast-1', '1.37') },
        { release: release('ap-northeast-3', '1.36'), previous: '1.36.5-20261119' },
      ],
      'examples/node-releases.json',
      false,
      'en',
    );
    assert.equal(
      text,
      [
        'ap-northeast-1 Kubernetes 1.36 AL2023_x86_64_STANDARD: 1.36.2-20261001 → 1.36.5-20261119',
        'ap-northeast-1 Kubernetes 1.37 AL2023_x86_64_STANDARD: pinned to 1.37.5-20261119',
        'ap-northeast-3 Kubernetes 1.36 AL2023_x86_64_STANDARD: 1.36.5-20261119, unchanged',
        'wrote 3 releases to examples/node-releases.json; run kinko synth to pin the node groups',
        '',
      ].join('\n'),
    );
  });
});
