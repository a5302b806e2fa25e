import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { App } from 'aws-cdk-lib';
import type { ResolvedCluster, ResolvedNodeGroup } from '../../../src/model/platform.js';
import { buildInfra } from '../../../src/infra/app.js';
import { retentionOfAtLeast } from '../../../src/infra/log-group.js';
import { renderNodeUserData } from '../../../src/infra/node-user-data.js';
import { infraFixture } from '../../support/infra-fixture.js';

const main = infraFixture().clusters[0] as ResolvedCluster;
const general = main.nodeGroups[0] as ResolvedNodeGroup;

describe('infra input checks', () => {
  it('[R2][cdk] fewer than three zones is rejected', () => {
    const platform = infraFixture({
      primary: {
        region: 'ap-northeast-1',
        availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'],
      },
    });

    assert.throws(
      () => buildInfra(new App(), platform),
      /primary\.availabilityZones lists 2 zones .*List 3 or more/,
    );
  });

  it('[S9][cdk] unknown AMI type is rejected with the accepted values', () => {
    const platform = infraFixture({
      clusters: [{ ...main, nodeGroups: [{ ...general, amiType: 'AL2_x86_64_LATEST' }] }],
    });

    assert.throws(
      () => buildInfra(new App(), platform),
      /nodeGroups\.general\.amiType is AL2_x86_64_LATEST.*AL2023_x86_64_STANDARD/,
    );
  });

  it('[S9][cdk] negative eventRecordQPS is rejected', () => {
    assert.throws(
      () => renderNodeUserData({ ...main, eventRecordQPS: -1 }),
      /clusters\.main\.eventRecordQPS is -1/,
    );
  });

  it('[network][cdk] VPC too small for public subnets is rejected', () => {
    const platform = infraFixture({
      network: { vpcCidr: '10.0.0.0/24', natGateways: 3, flowLogRetentionDays: 365 },
    });

    assert.throws(
      () => buildInfra(new App(), platform),
      /network\.vpcCidr is 10\.0\.0\.0\/24.*\/22 or larger/,
    );
  });

  it('[S12][cdk] retention rounds up to a value CloudWatch Logs accepts', () => {
    assert.equal(retentionOfAtLeast(365, 'x'), 365);
    assert.equal(retentionOfAtLeast(366, 'x'), 400);
    assert.equal(retentionOfAtLeast(2555, 'x'), 2557);
  });

  it('[S12][cdk] retention beyond ten years is rejected', () => {
    assert.throws(
      () => retentionOfAtLeast(4000, 'security.cloudTrailRetentionDays'),
      /security\.cloudTrailRetentionDays is 4000 days.*3653/,
    );
  });

  it('[gitops][cdk] malformed Identity Center ARN is rejected', () => {
    assert.throws(
      () =>
        buildInfra(new App(), infraFixture(), {
          argoCdIdentityCenter: { instanceArn: 'ssoins-123' },
        }),
      /Identity Center instance ARN .* is "ssoins-123"/,
    );
  });
});
