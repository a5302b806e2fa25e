import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SynthesizedInfra } from '../../support/infra-synth.js';
import {
  drAliasArn,
  onlyResource,
  resourcesOfType,
  synthExample,
  withoutDataStores,
  withoutDr,
} from './data-stores-synth.js';

const SYSTEMS = 'kinko-demo-systems';
const DR_SYSTEMS = 'kinko-demo-dr-systems';
const CLUSTERS = [
  'kinko-demo-cluster-blue',
  'kinko-demo-cluster-green',
  'kinko-demo-dr-cluster-blue',
];

/** Returns the logical id of system `name`'s KMS key in a systems stack. */
function systemKeyId(synth: SynthesizedInfra, stackName: string, name: string): string {
  const [entry] = resourcesOfType(synth, stackName, 'AWS::KMS::Key').filter(([id]) =>
    id.startsWith(`System${name}Key`),
  );
  assert.ok(entry !== undefined, `${stackName} has no key of system ${name}`);
  return entry[0];
}

describe('EFS file system of a system', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthExample();
  });

  it('[R1][cdk] EFS replicates to the DR region with its key', () => {
    const fileSystem = onlyResource(synth, SYSTEMS, 'AWS::EFS::FileSystem');

    assert.deepEqual(fileSystem.Properties?.ReplicationConfiguration, {
      Destinations: [{ Region: 'ap-northeast-3', KmsKeyId: drAliasArn('alias/kinko-demo/a') }],
    });
  });

  it('[R5][cdk] EFS is encrypted with the system key and backed up', () => {
    const fileSystem = onlyResource(synth, SYSTEMS, 'AWS::EFS::FileSystem');
    const keyId = systemKeyId(synth, SYSTEMS, 'a');

    assert.equal(fileSystem.Properties?.Encrypted, true);
    assert.deepEqual(fileSystem.Properties?.KmsKeyId, { 'Fn::GetAtt': [keyId, 'Arn'] });
    assert.deepEqual(fileSystem.Properties?.BackupPolicy, { Status: 'ENABLED' });
    assert.equal(fileSystem.Properties?.ThroughputMode, 'elastic');
  });

  it('[R5][cdk] EFS policy denies clients without TLS', () => {
    const fileSystem = onlyResource(synth, SYSTEMS, 'AWS::EFS::FileSystem');
    const policy = fileSystem.Properties?.FileSystemPolicy as { Statement: unknown[] };

    assert.deepEqual(policy.Statement[0], {
      Sid: 'DenyWithoutTls',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  it('[R2][cdk] EFS has a mount target in each zone', () => {
    const mountTargets = resourcesOfType(synth, SYSTEMS, 'AWS::EFS::MountTarget');
    const subnets = new Set(
      mountTargets.map(([, target]) => JSON.stringify(target.Properties?.SubnetId)),
    );

    assert.equal(mountTargets.length, 3);
    assert.equal(subnets.size, 3);
  });

  it('[R5][cdk] access point enforces the app user', () => {
    const accessPoint = onlyResource(synth, SYSTEMS, 'AWS::EFS::AccessPoint');

    assert.deepEqual(accessPoint.Properties?.PosixUser, { Uid: '10001', Gid: '10001' });
    assert.deepEqual(accessPoint.Properties?.RootDirectory, {
      Path: '/a',
      CreationInfo: { OwnerUid: '10001', OwnerGid: '10001', Permissions: '750' },
    });
  });

  it('[R5][cdk] only cluster nodes reach NFS', () => {
    const groups = resourcesOfType(synth, SYSTEMS, 'AWS::EC2::SecurityGroup').filter(([, group]) =>
      String(group.Properties?.GroupDescription).includes('EFS'),
    );
    assert.equal(groups.length, 1);
    assert.equal(groups[0]?.[1].Properties?.SecurityGroupIngress, undefined);

    for (const stackName of CLUSTERS) {
      const nfs = resourcesOfType(synth, stackName, 'AWS::EC2::SecurityGroupIngress').filter(
        ([, rule]) => rule.Properties?.FromPort === 2049,
      );
      assert.equal(nfs.length, 1, stackName);
      assert.equal(nfs[0]?.[1].Properties?.ToPort, 2049);
      assert.deepEqual(nfs[0]?.[1].Properties?.SourceSecurityGroupId, {
        'Fn::GetAtt': ['ClusterEB0386A7', 'ClusterSecurityGroupId'],
      });
    }
  });

  it('[R5][cdk] EFS CSI driver add-on uses Pod Identity', () => {
    for (const stackName of CLUSTERS) {
      const addon = resourcesOfType(synth, stackName, 'AWS::EKS::Addon').find(
        ([, resource]) => resource.Properties?.AddonName === 'aws-efs-csi-driver',
      );
      assert.ok(addon !== undefined, stackName);
      const associations = addon[1].Properties?.PodIdentityAssociations as Array<{
        ServiceAccount: string;
      }>;
      assert.deepEqual(
        associations.map((association) => association.ServiceAccount),
        ['efs-csi-controller-sa', 'efs-csi-node-sa'],
      );
    }
  });

  it('[R1][cdk] DR region holds a security group, not a file system', () => {
    const fileSystems = resourcesOfType(synth, DR_SYSTEMS, 'AWS::EFS::FileSystem');
    const groups = resourcesOfType(synth, DR_SYSTEMS, 'AWS::EC2::SecurityGroup').filter(
      ([, group]) => String(group.Properties?.GroupDescription).includes('EFS'),
    );

    assert.equal(fileSystems.length, 0);
    assert.equal(groups.length, 1);
  });

  it('[R1][cdk] system secrets replicate to the DR region', () => {
    const secrets = resourcesOfType(synth, SYSTEMS, 'AWS::SecretsManager::Secret').filter(
      ([, secret]) => String(secret.Properties?.Name).endsWith('/app'),
    );

    assert.equal(secrets.length, 2);
    for (const [, secret] of secrets) {
      const name = String(secret.Properties?.Name);
      const system = name.split('/')[1] ?? '';
      assert.deepEqual(
        secret.Properties?.ReplicaRegions,
        [{ Region: 'ap-northeast-3', KmsKeyId: drAliasArn(`alias/kinko-demo/${system}`) }],
        name,
      );
    }
  });

  it('[R1][cdk] DR pods read the replica secret', () => {
    const drSecrets = resourcesOfType(synth, DR_SYSTEMS, 'AWS::SecretsManager::Secret');
    const [[, policy] = []] = resourcesOfType(synth, DR_SYSTEMS, 'AWS::IAM::ManagedPolicy').filter(
      ([id]) => id.startsWith('SystemaPodRolePolicy'),
    );
    const statements = (
      policy?.Properties?.PolicyDocument as {
        Statement: Array<{ Sid?: string; Resource: unknown }>;
      }
    ).Statement;

    assert.equal(drSecrets.length, 0);
    assert.deepEqual(statements.find((statement) => statement.Sid === 'ReadOwnSecret')?.Resource, {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':secretsmanager:ap-northeast-3:111122223333:secret:kinko-demo/a/app-??????',
        ],
      ],
    });
  });

  it('[cdk] no unacknowledged cdk-nag finding', () => {
    assert.deepEqual(synth.findings, []);
  });
});

describe('EFS without a DR region', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthExample(withoutDr);
  });

  it('[R5][cdk] EFS does not replicate', () => {
    const fileSystem = onlyResource(synth, SYSTEMS, 'AWS::EFS::FileSystem');

    assert.equal(fileSystem.Properties?.ReplicationConfiguration, undefined);
  });

  it('[R1][cdk] secrets have no replica', () => {
    for (const [, secret] of resourcesOfType(synth, SYSTEMS, 'AWS::SecretsManager::Secret')) {
      assert.equal(secret.Properties?.ReplicaRegions, undefined, String(secret.Properties?.Name));
    }
  });

  it('[cdk] no unacknowledged cdk-nag finding', () => {
    assert.deepEqual(synth.findings, []);
  });
});

describe('systems without data stores', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthExample(withoutDataStores);
  });

  it('[R5][cdk] no file system and no EFS driver', () => {
    const addons = resourcesOfType(synth, 'kinko-demo-cluster-blue', 'AWS::EKS::Addon').map(
      ([, addon]) => addon.Properties?.AddonName,
    );

    assert.equal(resourcesOfType(synth, SYSTEMS, 'AWS::EFS::FileSystem').length, 0);
    assert.equal(resourcesOfType(synth, DR_SYSTEMS, 'AWS::EC2::SecurityGroup').length, 0);
    assert.ok(!addons.includes('aws-efs-csi-driver'));
  });

  it('[R1][cdk] secrets still replicate', () => {
    const secrets = resourcesOfType(synth, SYSTEMS, 'AWS::SecretsManager::Secret');

    assert.equal(secrets.length, 2);
    for (const [, secret] of secrets) {
      assert.equal((secret.Properties?.ReplicaRegions as unknown[]).length, 1);
    }
  });
});
