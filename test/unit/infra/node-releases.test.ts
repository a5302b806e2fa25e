import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { App } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

import { buildInfra, type InfraResult } from '../../../src/infra/app.js';
import { KinkoError } from '../../../src/errors.js';
import { NODE_RELEASES_CONTEXT, type NodeReleasesContext } from '../../../src/infra/node-groups.js';
import { synth } from '../../../src/synth/synth.js';
import { infraFixture } from '../../support/infra-fixture.js';

const STACK = 'kinko-cluster-main';

const PINNED: NodeReleasesContext = {
  file: 'node-releases.json',
  releases: [
    {
      region: 'ap-northeast-1',
      kubernetesVersion: '1.37',
      amiType: 'AL2023_x86_64_STANDARD',
      releaseVersion: '1.37.2-20261119',
      parameter:
        '/aws/service/eks/optimized-ami/1.37/amazon-linux-2023/x86_64/standard/recommended/release_version',
      lookedUpAt: '2026-11-26',
    },
  ],
};

interface Synthesized {
  readonly infra: InfraResult;
  readonly assembly: CloudAssembly;
}

function nodegroupProperties(assembly: CloudAssembly): Record<string, unknown>[] {
  const template = assembly.getStackByName(STACK).template as {
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  };
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::EKS::Nodegroup')
    .map((resource) => resource.Properties);
}

describe('node group release pinning', () => {
  const outdirs: string[] = [];
  let pinned: Synthesized;
  let unpinned: Synthesized;

  const synthesize = (context: NodeReleasesContext): Synthesized => {
    const outdir = mkdtempSync(join(tmpdir(), 'kinko-node-releases-'));
    outdirs.push(outdir);
    const app = new App({
      outdir,
      analyticsReporting: false,
      context: { [NODE_RELEASES_CONTEXT]: context },
    });
    const infra = buildInfra(app, infraFixture());
    return { infra, assembly: app.synth() };
  };

  before(() => {
    pinned = synthesize(PINNED);
    unpinned = synthesize({ file: 'node-releases.json', releases: [] });
  });
  after(() => {
    for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
  });

  it('[S9][cdk] recorded release pins node group', () => {
    const groups = nodegroupProperties(pinned.assembly);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]?.ReleaseVersion, '1.37.2-20261119');
  });

  it('[S9][cdk] controls report names pinned release', () => {
    const summaries = pinned.infra.ledger
      .entries()
      .filter((entry) => entry.practice === 'S9' && entry.type === 'AWS::EKS::Nodegroup')
      .map((entry) => entry.summary.en);
    assert.deepEqual(summaries, [
      'Managed node group general: EKS-optimized AL2023_x86_64_STANDARD AMI, pinned to release 1.37.2-20261119 (the latest on 2026-11-26, from SSM /aws/service/eks/optimized-ami/1.37/amazon-linux-2023/x86_64/standard/recommended/release_version)',
    ]);
    assert.deepEqual(pinned.infra.ledger.gaps(), []);
  });

  it('[S9][cdk] no record leaves group unpinned', () => {
    const groups = nodegroupProperties(unpinned.assembly);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]?.ReleaseVersion, undefined);
  });

  it('[S9][cdk] unpinned group is a reported gap', () => {
    const gaps = unpinned.infra.ledger.gaps();
    assert.equal(gaps.length, 1);
    assert.equal(gaps[0]?.practice, 'S9');
    assert.match(
      gaps[0]?.text.en ?? '',
      /^Node group general of cluster kinko-main \(ap-northeast-1, Kubernetes 1\.37, AL2023_x86_64_STANDARD\) is not pinned/,
    );
    assert.match(gaps[0]?.text.ja ?? '', /固定していません/);
  });

  it('[S9][cdk] unpinned group carries CDK warning', () => {
    const warnings = unpinned.assembly
      .getStackByName(STACK)
      .messages.filter((message) => message.level === 'warning')
      .map((message) => String(message.entry.data));
    assert.equal(
      warnings.filter((text) => text.includes('is not pinned to an AMI release')).length,
      1,
    );
  });

  it('[S9][cdk] other region record does not pin', () => {
    const elsewhere = synthesize({
      file: 'node-releases.json',
      releases: PINNED.releases.map((release) => ({ ...release, region: 'ap-northeast-3' })),
    });
    assert.equal(nodegroupProperties(elsewhere.assembly)[0]?.ReleaseVersion, undefined);
  });

  /** Runs synth on the example with `edit` applied to its node-releases.json; returns the error. */
  const synthWithRecord = (edit: (record: { releases: Record<string, unknown>[] }) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'kinko-node-releases-synth-'));
    outdirs.push(dir);
    copyFileSync('examples/platform.yaml', join(dir, 'platform.yaml'));
    const record = JSON.parse(readFileSync('examples/node-releases.json', 'utf8')) as {
      releases: Record<string, unknown>[];
    };
    edit(record);
    writeFileSync(join(dir, 'node-releases.json'), JSON.stringify(record));
    try {
      synth({ configFile: join(dir, 'platform.yaml'), outDir: join(dir, 'out') });
    } catch (error) {
      assert.ok(error instanceof KinkoError, String(error));
      return error;
    }
    return assert.fail('synth accepted the record');
  };

  it('[S9][cdk] synth refuses release of another version', () => {
    const error = synthWithRecord((record) => {
      const first = record.releases[0] ?? assert.fail('empty example record');
      first.releaseVersion = '1.37.2-20261119';
    });
    assert.equal(error.code, 'KINKO_NODES_FAILED');
    assert.equal(error.summary.messageId, 'nodes.release.versionMismatch');
  });

  it('[S9][cdk] synth refuses duplicate placements', () => {
    const error = synthWithRecord((record) => {
      const first = record.releases[0] ?? assert.fail('empty example record');
      record.releases.push({ ...first, releaseVersion: '1.36.1-20260101' });
    });
    assert.equal(error.summary.messageId, 'nodes.record.duplicate');
  });
});
