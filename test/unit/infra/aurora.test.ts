import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SynthesizedInfra } from '../../support/infra-synth.js';
import {
  drAliasArn,
  onlyLogicalId,
  onlyResource,
  resourcesOfType,
  SYSTEM_B,
  synthExample,
  withoutDataStores,
  withoutDr,
} from './data-stores-synth.js';

const SYSTEMS = 'kinko-demo-systems';
const DR_SYSTEMS = 'kinko-demo-dr-systems';
const DR_DATABASES = 'kinko-demo-dr-databases';

function stackNames(synth: SynthesizedInfra): string[] {
  return synth.infra.stacks.map((stack) => stack.stackName);
}

describe('Aurora global database of a system', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthExample();
  });

  it('[R1][cdk] global cluster is encrypted and protected', () => {
    const globalCluster = onlyResource(synth, SYSTEMS, 'AWS::RDS::GlobalCluster');

    assert.deepEqual(globalCluster.Properties?.GlobalClusterIdentifier, 'kinko-demo-b-global');
    assert.equal(globalCluster.Properties?.Engine, 'aurora-postgresql');
    assert.equal(globalCluster.Properties?.EngineVersion, '17.7');
    assert.equal(globalCluster.Properties?.StorageEncrypted, true);
    assert.equal(globalCluster.Properties?.DeletionProtection, true);
  });

  it('[R1][cdk] primary cluster joins the global cluster', () => {
    const cluster = onlyResource(synth, SYSTEMS, 'AWS::RDS::DBCluster');
    const globalId = onlyLogicalId(synth, SYSTEMS, 'AWS::RDS::GlobalCluster');

    assert.deepEqual(cluster.Properties?.GlobalClusterIdentifier, { Ref: globalId });
    assert.equal(cluster.Properties?.DBClusterIdentifier, 'kinko-demo-b');
  });

  it('[R5][cdk] primary cluster has the safe defaults', () => {
    const cluster = onlyResource(synth, SYSTEMS, 'AWS::RDS::DBCluster');
    const [[keyId] = []] = resourcesOfType(synth, SYSTEMS, 'AWS::KMS::Key').filter(([id]) =>
      id.startsWith('SystembKey'),
    );

    assert.equal(cluster.Properties?.StorageEncrypted, true);
    assert.deepEqual(cluster.Properties?.KmsKeyId, { 'Fn::GetAtt': [keyId, 'Arn'] });
    assert.equal(cluster.Properties?.DeletionProtection, true);
    assert.equal(cluster.Properties?.BackupRetentionPeriod, 35);
    assert.equal(cluster.Properties?.EnableIAMDatabaseAuthentication, true);
    assert.deepEqual(cluster.Properties?.EnableCloudwatchLogsExports, ['postgresql']);
  });

  it('[R5][cdk] master password is a dynamic reference', () => {
    const cluster = onlyResource(synth, SYSTEMS, 'AWS::RDS::DBCluster');
    const secretId = resourcesOfType(synth, SYSTEMS, 'AWS::SecretsManager::Secret').find(
      ([, secret]) => secret.Properties?.Name === 'kinko-demo/b/database',
    )?.[0];

    assert.ok(secretId !== undefined);
    assert.deepEqual(cluster.Properties?.MasterUserPassword, {
      'Fn::Join': [
        '',
        ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:password::}}'],
      ],
    });
    assert.equal(cluster.Properties?.ManageMasterUserPassword, undefined);
  });

  it('[R1][cdk] master secret replicates to the DR region', () => {
    const secret = resourcesOfType(synth, SYSTEMS, 'AWS::SecretsManager::Secret').find(
      ([, candidate]) => candidate.Properties?.Name === 'kinko-demo/b/database',
    )?.[1];

    assert.deepEqual(secret?.Properties?.ReplicaRegions, [
      { Region: 'ap-northeast-3', KmsKeyId: drAliasArn('alias/kinko-demo/b') },
    ]);
  });

  it('[R5][cdk] parameter group requires TLS', () => {
    const parameterGroup = onlyResource(synth, SYSTEMS, 'AWS::RDS::DBClusterParameterGroup');

    assert.equal(parameterGroup.Properties?.Family, 'aurora-postgresql17');
    assert.equal(
      (parameterGroup.Properties?.Parameters as Record<string, string>)['rds.force_ssl'],
      '1',
    );
  });

  it('[R2][cdk] primary instances spread over two zones', () => {
    const instances = resourcesOfType(synth, SYSTEMS, 'AWS::RDS::DBInstance').map(
      ([, instance]) => instance.Properties,
    );

    assert.deepEqual(
      instances.map((instance) => instance?.AvailabilityZone),
      ['ap-northeast-1a', 'ap-northeast-1c'],
    );
    for (const instance of instances) {
      assert.equal(instance?.PubliclyAccessible, false);
      assert.equal(instance?.DBInstanceClass, 'db.r7g.large');
    }
  });

  it('[R5][cdk] only cluster nodes reach the database port', () => {
    for (const stackName of ['kinko-demo-cluster-blue', 'kinko-demo-dr-cluster-blue']) {
      const rules = resourcesOfType(synth, stackName, 'AWS::EC2::SecurityGroupIngress').filter(
        ([, rule]) => rule.Properties?.FromPort === 5432,
      );
      assert.equal(rules.length, 1, stackName);
      assert.deepEqual(rules[0]?.[1].Properties?.SourceSecurityGroupId, {
        'Fn::GetAtt': ['ClusterEB0386A7', 'ClusterSecurityGroupId'],
      });
    }
  });

  it('[R1][cdk] DR secondary joins by identifier', () => {
    const secondary = onlyResource(synth, DR_DATABASES, 'AWS::RDS::DBCluster');

    assert.equal(secondary.Properties?.GlobalClusterIdentifier, 'kinko-demo-b-global');
    assert.equal(secondary.Properties?.StorageEncrypted, true);
    assert.equal(secondary.Properties?.DeletionProtection, true);
    assert.equal(secondary.Properties?.MasterUsername, undefined);
    assert.equal(secondary.Properties?.MasterUserPassword, undefined);
    assert.equal(
      (secondary.Properties?.KmsKeyId as { 'Fn::ImportValue': string })[
        'Fn::ImportValue'
      ].startsWith('kinko-demo-dr-systems:'),
      true,
    );
  });

  it('[R1][cdk] DR secondary has one instance', () => {
    const instances = resourcesOfType(synth, DR_DATABASES, 'AWS::RDS::DBInstance');

    assert.equal(instances.length, 1);
    assert.equal(instances[0]?.[1].Properties?.AvailabilityZone, 'ap-northeast-3a');
  });

  it('[R1][cdk] DR parameter group requires TLS too', () => {
    const parameterGroup = onlyResource(synth, DR_SYSTEMS, 'AWS::RDS::DBClusterParameterGroup');

    assert.equal(
      (parameterGroup.Properties?.Parameters as Record<string, string>)['rds.force_ssl'],
      '1',
    );
  });

  it('[R1][cdk] DR databases deploy after the primary systems', () => {
    const names = stackNames(synth);
    const databases = synth.infra.stacks.find((stack) => stack.stackName === DR_DATABASES);

    assert.equal(names.at(-1), DR_DATABASES);
    assert.ok(
      databases?.dependencies.some((dependency) => dependency.stackName === SYSTEMS) === true,
    );
  });

  it('[cdk] no unacknowledged cdk-nag finding', () => {
    assert.deepEqual(synth.findings, []);
  });
});

describe('Aurora without a DR region', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthExample(withoutDr);
  });

  it('[R5][cdk] RDS manages the master password', () => {
    const cluster = onlyResource(synth, SYSTEMS, 'AWS::RDS::DBCluster');
    const [[keyId] = []] = resourcesOfType(synth, SYSTEMS, 'AWS::KMS::Key').filter(([id]) =>
      id.startsWith('SystembKey'),
    );

    assert.equal(cluster.Properties?.ManageMasterUserPassword, true);
    assert.deepEqual(cluster.Properties?.MasterUserSecret, {
      KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
    assert.equal(cluster.Properties?.MasterUserPassword, undefined);
    assert.equal(cluster.Properties?.GlobalClusterIdentifier, undefined);
  });

  it('[R1][cdk] no global cluster and no DR databases', () => {
    assert.equal(resourcesOfType(synth, SYSTEMS, 'AWS::RDS::GlobalCluster').length, 0);
    assert.ok(!stackNames(synth).includes(DR_DATABASES));
  });

  it('[cdk] no unacknowledged cdk-nag finding', () => {
    assert.deepEqual(synth.findings, []);
  });
});

describe('Aurora MySQL with a headless DR secondary', () => {
  let synth: SynthesizedInfra;
  before(() => {
    synth = synthExample((document) => {
      document.setIn(['systems', SYSTEM_B, 'database', 'engine'], 'aurora-mysql');
      document.setIn(['systems', SYSTEM_B, 'database', 'engineVersion'], '8.0.mysql_aurora.3.08.0');
      document.setIn(['systems', SYSTEM_B, 'database', 'drInstances'], 0);
    });
  });

  it('[R5][cdk] MySQL requires TLS and exports audit logs', () => {
    const parameterGroup = onlyResource(synth, SYSTEMS, 'AWS::RDS::DBClusterParameterGroup');
    const cluster = onlyResource(synth, SYSTEMS, 'AWS::RDS::DBCluster');
    const parameters = parameterGroup.Properties?.Parameters as Record<string, string>;

    assert.equal(parameterGroup.Properties?.Family, 'aurora-mysql8.0');
    assert.equal(parameters.require_secure_transport, 'ON');
    assert.equal(parameters.server_audit_logging, '1');
    assert.deepEqual(cluster.Properties?.EnableCloudwatchLogsExports, [
      'audit',
      'error',
      'slowquery',
    ]);
    assert.equal(cluster.Properties?.Port, 3306);
  });

  it('[R1][cdk] headless secondary has no instance', () => {
    assert.equal(resourcesOfType(synth, DR_DATABASES, 'AWS::RDS::DBCluster').length, 1);
    assert.equal(resourcesOfType(synth, DR_DATABASES, 'AWS::RDS::DBInstance').length, 0);
  });

  it('[cdk] no unacknowledged cdk-nag finding', () => {
    assert.deepEqual(synth.findings, []);
  });
});

describe('systems without a database', () => {
  it('[R1][cdk] no RDS resource in any stack', () => {
    const synth = synthExample(withoutDataStores);
    const rdsTypes = synth.infra.stacks.flatMap((stack) =>
      Object.values(synth.json(stack.stackName).Resources)
        .map((resource) => resource.Type)
        .filter((type) => type.startsWith('AWS::RDS::')),
    );

    assert.deepEqual(rdsTypes, []);
    assert.ok(!stackNames(synth).includes(DR_DATABASES));
  });
});
