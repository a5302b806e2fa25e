import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { resolveGuard } from '../../../src/model/guard.js';
import { infraFixture } from '../../support/infra-fixture.js';
import { synthInfra, type SynthesizedInfra } from '../../support/infra-synth.js';

const STACK = 'kinko-cluster-main';

function addonNames(infra: SynthesizedInfra): string[] {
  return Object.values(infra.template(STACK).findResources('AWS::EKS::Addon')).map(
    (addon) => addon.Properties.AddonName as string,
  );
}

describe('cert-manager add-on for the guard', () => {
  let withGuard: SynthesizedInfra;
  let withoutGuard: SynthesizedInfra;

  before(() => {
    const guard = resolveGuard({
      name: 'kinko',
      account: '111122223333',
      regions: { primary: { region: 'ap-northeast-1', availabilityZones: [] } },
      timing: { endpointPropagationSeconds: 30, albDeregistrationSeconds: 60 },
      guard: { image: { digest: `sha256:${'b'.repeat(64)}` } },
      systems: [],
    } as unknown as Parameters<typeof resolveGuard>[0]);
    assert.ok(guard);
    withGuard = synthInfra(infraFixture({ guard }));
    withoutGuard = synthInfra(infraFixture());
  });

  it('[S2][cdk] guard declared installs cert-manager', () => {
    assert.ok(addonNames(withGuard).includes('cert-manager'));
  });

  it('[S2][cdk] no guard, no cert-manager', () => {
    assert.ok(!addonNames(withoutGuard).includes('cert-manager'));
  });
});
