import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Match } from 'aws-cdk-lib/assertions';
import { infraFixture } from '../../support/infra-fixture.js';
import { synthInfra, type SynthesizedInfra } from '../../support/infra-synth.js';

const STACK = 'kinko-systems';

type Resources = ReturnType<SynthesizedInfra['json']>['Resources'];

/** Returns the resources of one type whose logical id starts with the system's construct id. */
function resourcesOf(
  resources: Resources,
  system: 'a' | 'b',
  type: string,
): Array<[string, Resources[string]]> {
  return Object.entries(resources).filter(
    ([logicalId, resource]) => logicalId.startsWith(`System${system}`) && resource.Type === type,
  );
}

describe('systems stack', () => {
  let synth: SynthesizedInfra;
  let resources: Resources;
  before(() => {
    synth = synthInfra(infraFixture());
    resources = synth.json(STACK).Resources;
  });

  it('[S3][cdk] app repository has immutable tags, KMS and scan on push', () => {
    synth.template(STACK).hasResourceProperties('AWS::ECR::Repository', {
      RepositoryName: 'kinko/a/web',
      ImageTagMutability: 'IMMUTABLE',
      ImageScanningConfiguration: { ScanOnPush: true },
      EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: Match.anyValue() },
    });
  });

  it('[S4][cdk] each system has a rotated KMS key under its alias', () => {
    const template = synth.template(STACK);

    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/kinko/a' });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/kinko/b' });
    for (const [, key] of resourcesOf(resources, 'a', 'AWS::KMS::Key')) {
      assert.equal(key.Properties?.EnableKeyRotation, true);
    }
  });

  it('[S4][cdk] secret is generated and encrypted with the system key', () => {
    const [[, secret] = []] = resourcesOf(resources, 'a', 'AWS::SecretsManager::Secret');
    const [[keyId] = []] = resourcesOf(resources, 'a', 'AWS::KMS::Key');

    assert.ok(secret !== undefined && keyId !== undefined);
    assert.equal(secret.Properties?.Name, 'kinko/a/app');
    assert.deepEqual(secret.Properties?.KmsKeyId, { 'Fn::GetAtt': [keyId, 'Arn'] });
    assert.ok(secret.Properties?.GenerateSecretString !== undefined);
    assert.equal(secret.Properties?.SecretString, undefined);
  });

  it('[R5][cdk] system bucket is KMS-encrypted, private, versioned and access-logged', () => {
    synth.template(STACK).hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'kinko-a-111122223333-ap-northeast-1',
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: Match.anyValue(),
            },
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: {
        DestinationBucketName: Match.anyValue(),
        LogFilePrefix: 'kinko-a-111122223333-ap-northeast-1/',
      },
    });
  });

  it('[S7][cdk] queue is KMS-encrypted and sends failures to its dead-letter queue', () => {
    const template = synth.template(STACK);

    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'kinko-a-jobs',
      KmsMasterKeyId: Match.anyValue(),
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'kinko-a-jobs-dlq',
      KmsMasterKeyId: Match.anyValue(),
    });
  });

  it('[S7][cdk] pod role is trusted only by EKS Pod Identity', () => {
    synth.template(STACK).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'kinko-a-pod',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'pods.eks.amazonaws.com' },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
          },
        ],
      },
    });
  });

  it('[S7][cdk] pod role policy of a names none of b resources', () => {
    const [[, policyA] = []] = resourcesOf(resources, 'a', 'AWS::IAM::ManagedPolicy');
    assert.ok(policyA !== undefined, 'system a has no managed policy');
    const document = JSON.stringify(policyA.Properties?.PolicyDocument);

    assert.ok(document.includes('Systema'), 'policy of a does not name its own resources');
    assert.ok(!document.includes('Systemb'), 'policy of a names a resource of system b');
    assert.ok(!document.includes('kinko-b'), 'policy of a names system b by name');
  });

  it('[S7][cdk] pod role policy wildcards stay inside the own bucket', () => {
    const [[, policyA] = []] = resourcesOf(resources, 'a', 'AWS::IAM::ManagedPolicy');
    const [[bucketId] = []] = resourcesOf(resources, 'a', 'AWS::S3::Bucket');
    const statements = (
      policyA?.Properties?.PolicyDocument as { Statement: Array<{ Resource: unknown }> }
    ).Statement;

    for (const statement of statements) {
      const resourceText = JSON.stringify(statement.Resource);
      assert.notEqual(resourceText, '"*"', 'statement on every resource');
      if (resourceText.includes('*')) {
        assert.deepEqual(statement.Resource, {
          'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']],
        });
      }
    }
  });
});
