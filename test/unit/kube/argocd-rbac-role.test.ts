import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import type { V1ClusterRoleBinding } from '@kubernetes/client-node';

import { ARGOCD_READ_ROLE } from '../../../src/kube/argocd-rbac.js';
import { buildManifests } from '../../../src/kube/index.js';
import { infraFixture } from '../../support/infra-fixture.js';
import {
  synthInfra,
  TEST_IDENTITY_CENTER_ARN,
  type SynthesizedInfra,
} from '../../support/infra-synth.js';
import { findObject } from '../../support/kube-find.js';

const STACK = 'kinko-cluster-main';

describe('Argo CD capability role and its Kubernetes group', () => {
  let synthesized: SynthesizedInfra;

  before(() => {
    synthesized = synthInfra(infraFixture(), {
      argoCdIdentityCenter: { instanceArn: TEST_IDENTITY_CENTER_ARN },
    });
  });

  it('[cdk] capability role has a fixed name and no path', () => {
    const roles = synthesized.template(STACK).findResources('AWS::IAM::Role', {
      Properties: { RoleName: 'kinko-main-argocd-ap-northeast-1' },
    });

    const [role] = Object.values(roles);
    assert.equal(Object.keys(roles).length, 1);
    assert.equal((role?.['Properties'] as Record<string, unknown>)['Path'], undefined);
  });

  it('[cdk] capability uses that role', () => {
    const template = synthesized.template(STACK);
    const [roleId] = Object.keys(
      template.findResources('AWS::IAM::Role', {
        Properties: { RoleName: 'kinko-main-argocd-ap-northeast-1' },
      }),
    );

    template.hasResourceProperties('AWS::EKS::Capability', {
      RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
    });
  });

  it('[cdk] manifest group is the role ARN in the stack account', () => {
    const platform = infraFixture();
    const account = synthesized.assembly.getStackByName(STACK).environment.account;
    const { files } = buildManifests(platform);

    const binding = findObject<V1ClusterRoleBinding>(
      files,
      'ClusterRoleBinding',
      ARGOCD_READ_ROLE,
      undefined,
    );

    assert.equal(account, platform.account);
    assert.equal(
      binding.subjects?.[0]?.name,
      `eks-access-entry:arn:aws:iam::${account}:role/kinko-main-argocd-ap-northeast-1`,
    );
  });
});
