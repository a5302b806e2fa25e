import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Match } from 'aws-cdk-lib/assertions';
import { infraFixture } from '../../support/infra-fixture.js';
import { synthInfra, type SynthesizedInfra } from '../../support/infra-synth.js';

const STACK = 'kinko-security';

describe('security stack', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthInfra(infraFixture());
  });

  it('[S12][cdk] GuardDuty watches the EKS audit logs', () => {
    synth.template(STACK).hasResourceProperties('AWS::GuardDuty::Detector', {
      Enable: true,
      Features: Match.arrayWith([{ Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' }]),
    });
  });

  it('[S11][cdk] GuardDuty runtime monitoring is on, with the agent owned by the template', () => {
    synth.template(STACK).hasResourceProperties('AWS::GuardDuty::Detector', {
      Features: Match.arrayWith([
        {
          Name: 'RUNTIME_MONITORING',
          Status: 'ENABLED',
          AdditionalConfiguration: Match.arrayWith([
            { Name: 'EKS_ADDON_MANAGEMENT', Status: 'DISABLED' },
          ]),
        },
      ]),
    });
  });

  it('[S10][cdk] GuardDuty malware protection scans EBS volumes', () => {
    synth.template(STACK).hasResourceProperties('AWS::GuardDuty::Detector', {
      Features: Match.arrayWith([{ Name: 'EBS_MALWARE_PROTECTION', Status: 'ENABLED' }]),
    });
  });

  it('[S12][cdk] CloudTrail covers every region with file validation and KMS', () => {
    synth.template(STACK).hasResourceProperties('AWS::CloudTrail::Trail', {
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KMSKeyId: Match.objectLike({ 'Fn::GetAtt': Match.arrayWith(['Arn']) }),
      CloudWatchLogsLogGroupArn: Match.anyValue(),
    });
  });

  it('[S12][cdk] trail bucket is KMS-encrypted, logged, versioned and expires after retention', () => {
    const template = synth.template(STACK);
    const buckets = template.findResources('AWS::S3::Bucket', {
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            Match.objectLike({
              ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }),
            }),
          ],
        },
      },
    });
    const [trailBucket] = Object.values(buckets);

    assert.ok(trailBucket !== undefined, 'no KMS-encrypted bucket in the security stack');
    const properties = trailBucket.Properties;
    assert.deepEqual(properties.VersioningConfiguration, { Status: 'Enabled' });
    assert.equal(properties.LoggingConfiguration.LogFilePrefix, 'cloudtrail/');
    assert.equal(properties.LifecycleConfiguration.Rules[0].ExpirationInDays, 2555);
    assert.deepEqual(properties.PublicAccessBlockConfiguration, {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it('[S12][cdk] every bucket policy in the stack denies requests without TLS', () => {
    const policies = Object.values(synth.template(STACK).findResources('AWS::S3::BucketPolicy'));

    assert.equal(policies.length, 2);
    for (const policy of policies) {
      assert.ok(
        JSON.stringify(policy.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
        'bucket policy without a TLS-only statement',
      );
    }
  });

  it('[S12][cdk] trail log group keeps at least the retention CloudWatch allows', () => {
    synth.template(STACK).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 2557 });
  });

  it('[S3][cdk] ECR registry scans every repository continuously with enhanced scanning', () => {
    synth.template(STACK).hasResourceProperties('AWS::ECR::RegistryScanningConfiguration', {
      ScanType: 'ENHANCED',
      Rules: [
        {
          ScanFrequency: 'CONTINUOUS_SCAN',
          RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }],
        },
      ],
    });
  });

  it('[S12][cdk] access log bucket admits log delivery only from named buckets of the account', () => {
    const policies = Object.values(synth.template(STACK).findResources('AWS::S3::BucketPolicy'));
    const delivery = policies
      .flatMap(
        (policy) => policy.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>,
      )
      .find((statement) => statement.Sid === 'AllowServerAccessLogDelivery');

    assert.ok(delivery !== undefined, 'no log delivery statement');
    const sourceArns = JSON.stringify(
      (delivery.Condition as Record<string, Record<string, unknown>>).ArnLike,
    );
    assert.ok(sourceArns.includes('kinko-a-111122223333-ap-northeast-1'));
    assert.ok(sourceArns.includes('kinko-b-111122223333-ap-northeast-1'));
    assert.deepEqual((delivery.Condition as Record<string, unknown>).StringEquals, {
      'aws:SourceAccount': '111122223333',
    });
  });
});
