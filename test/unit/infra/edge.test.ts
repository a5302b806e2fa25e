import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';

import { Match } from 'aws-cdk-lib/assertions';

import { loadPlatformConfig } from '../../../src/config/load.js';
import { cookiePatterns } from '../../../src/model/edge.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import { synthInfra, type SynthesizedInfra } from '../../support/infra-synth.js';

// Compiled to dist/test/unit/infra/, four folders below the repository root.
const EXAMPLE = fileURLToPath(new URL('../../../../examples/platform.yaml', import.meta.url));

/** Matches a header value against ALB wildcard patterns: `*`, `?`, case-insensitive. */
function albMatches(patterns: readonly string[], value: string): boolean {
  return patterns.some((pattern) => {
    const source = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return new RegExp(`^${source}$`, 'i').test(value);
  });
}

describe('edge and DR stacks of the example', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthInfra(resolvePlatform(loadPlatformConfig(EXAMPLE)));
  });

  it('[cdk] no unsuppressed cdk-nag errors', () => {
    assert.deepEqual(
      synth.findings.filter((finding) => finding.level === 'error'),
      [],
    );
  });

  it('[R4][cdk] forward rule weights live 100, other 0', () => {
    synth
      .template('kinko-demo-edge')
      .hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
        Priority: 9,
        Conditions: [
          {
            Field: 'host-header',
            HostHeaderConfig: { Values: ['a.bank.example.co.jp', 'health-a.bank.example.co.jp'] },
          },
        ],
        Actions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: { Ref: Match.stringLikeRegexp('TargetGroupblue') }, Weight: 100 },
                { TargetGroupArn: { Ref: Match.stringLikeRegexp('TargetGroupgreen') }, Weight: 0 },
              ],
            },
          },
        ],
      });
  });

  it('[R4][cdk] each system has six smoke rules above its forward rule', () => {
    const rules = Object.values(synth.json('kinko-demo-edge').Resources).filter(
      (resource) => resource.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule',
    );
    const priorities = rules.map((rule) => Number(rule.Properties?.Priority)).sort((x, y) => x - y);
    assert.deepEqual(priorities, [1, 2, 3, 4, 5, 6, 9, 11, 12, 13, 14, 15, 16, 19]);
  });

  it('[R4][unit] smoke cookie patterns reject look-alike names', () => {
    const { 'cookie-first': first, 'cookie-later': later } = cookiePatterns('kinko-smoke', 'green');
    const all = [...first, ...later];

    assert.equal(albMatches(all, 'kinko-smoke=green'), true);
    assert.equal(albMatches(all, 'kinko-smoke=green; session=1'), true);
    assert.equal(albMatches(all, 'session=1; kinko-smoke=green'), true);
    assert.equal(albMatches(all, 'a=1; kinko-smoke=green; b=2'), true);
    assert.equal(albMatches(all, 'xkinko-smoke=green'), false);
    assert.equal(albMatches(all, 'session=1; xkinko-smoke=green'), false);
    assert.equal(albMatches(all, 'kinko-smoke=greenx'), false);
    assert.equal(albMatches(all, 'kinko-smoke=blue'), false);
    assert.equal(albMatches(all, 'session=kinko-smoke=green'), false);
  });

  it('[R4][cdk] target group on the NodePort with app timing', () => {
    synth
      .template('kinko-demo-edge')
      .hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        Name: 'kinko-demo-green',
        Port: 30080,
        Protocol: 'HTTP',
        TargetType: 'instance',
        HealthCheckPath: '/nginx-health',
        HealthCheckIntervalSeconds: 10,
        UnhealthyThresholdCount: 2,
        TargetGroupAttributes: Match.arrayWith([
          { Key: 'deregistration_delay.timeout_seconds', Value: '160' },
        ]),
      });
  });

  it('[R4][cdk] HTTPS listener with the certificate, HTTP redirects', () => {
    const template = synth.template('kinko-demo-edge');
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: Match.stringLikeRegexp('^arn:aws:acm:ap-northeast-1:') }],
      DefaultActions: [Match.objectLike({ Type: 'fixed-response' })],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [Match.objectLike({ Type: 'redirect' })],
    });
  });

  it('[R4][cdk] each cluster admits the ALB on its NodePort', () => {
    for (const cluster of ['blue', 'green']) {
      synth
        .template(`kinko-demo-cluster-${cluster}`)
        .hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
          FromPort: 30080,
          ToPort: 30080,
          SourceSecurityGroupId: { 'Fn::ImportValue': Match.stringLikeRegexp('^kinko-demo-edge:') },
        });
    }
  });

  it('[R1][cdk] system bucket replicates to its DR copy', () => {
    synth.template('kinko-demo-systems').hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'kinko-demo-a-111122223333-ap-northeast-1',
      ReplicationConfiguration: {
        Rules: [
          Match.objectLike({
            Status: 'Enabled',
            Destination: Match.objectLike({
              Bucket: {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':s3:::kinko-demo-a-111122223333-ap-northeast-3',
                  ],
                ],
              },
              EncryptionConfiguration: {
                ReplicaKmsKeyID: {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      ':kms:ap-northeast-3:111122223333:alias/kinko-demo/a',
                    ],
                  ],
                },
              },
            }),
          }),
        ],
      },
    });
    synth.template('kinko-demo-dr-systems').hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'kinko-demo-a-111122223333-ap-northeast-3',
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('[R1][cdk] failover records and health check per system', () => {
    const primary = synth.template('kinko-demo-edge');
    primary.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'a.bank.example.co.jp',
      Failover: 'PRIMARY',
      SetIdentifier: 'a-primary',
      HealthCheckId: Match.anyValue(),
    });
    primary.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({
        Type: 'HTTPS',
        FullyQualifiedDomainName: 'health-a.bank.example.co.jp',
        ResourcePath: '/healthz',
      }),
    });
    synth.template('kinko-demo-dr-edge').hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'a.bank.example.co.jp',
      Failover: 'SECONDARY',
      SetIdentifier: 'a-secondary',
    });
  });

  it('[R1][cdk] DR region has its own cluster and network', () => {
    assert.equal(
      synth.assembly.getStackByName('kinko-demo-dr-cluster-blue').environment.region,
      'ap-northeast-3',
    );
    synth
      .template('kinko-demo-dr-cluster-blue')
      .hasResourceProperties('AWS::EKS::Cluster', { Name: 'kinko-demo-blue' });
    synth.template('kinko-demo-dr-network').resourceCountIs('AWS::EC2::VPC', 1);
  });

  it('[R1][R4][cdk] ledger records both practices', () => {
    const practices = synth.infra.ledger.practices();
    assert.ok(practices.includes('R1'));
    assert.ok(practices.includes('R4'));
  });
});
