/**
 * The systems' data stores on moto. The EFS part of the synthesized systems stack goes through
 * moto's CloudFormation. moto 5.2.5's CloudFormation does not support the Aurora and secret
 * resource types, so the test creates them through the RDS and Secrets Manager APIs, with the
 * properties that the templates carry.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { parseDocument } from 'yaml';

import { synth } from '../../src/synth/synth.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';
import { createStack, loadTemplate } from './bluegreen-moto.js';

const PRIMARY = 'ap-northeast-1';
const DR = 'ap-northeast-3';
const MOTO_ACCOUNT = '123456789012';
const NETWORK_TYPES = new Set(['AWS::EC2::VPC', 'AWS::EC2::Subnet']);
/** Types of the systems stack that moto's CloudFormation creates: the keys and the EFS part. */
const EFS_TYPES = new Set([
  'AWS::KMS::Key',
  'AWS::KMS::Alias',
  'AWS::EC2::SecurityGroup',
  'AWS::EFS::FileSystem',
  'AWS::EFS::MountTarget',
  'AWS::EFS::AccessPoint',
]);

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
}
type Resources = Record<string, Resource>;

function authorization(service: string, region: string): string {
  return `AWS4-HMAC-SHA256 Credential=testing/20261204/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
}

/** Sends a JSON 1.1 request, as KMS and Secrets Manager take them, and returns the parsed body. */
async function jsonCall(
  endpoint: string,
  region: string,
  service: string,
  target: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      authorization: authorization(service, region),
    },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${target} returned ${response.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Sends an EFS REST request (GET) and returns the parsed body. */
async function efsGet(endpoint: string, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${endpoint}${path}`, {
    headers: { authorization: authorization('elasticfilesystem', PRIMARY) },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`EFS GET ${path} returned ${response.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Sends an RDS Query API request and returns the XML body. */
async function rdsCall(
  endpoint: string,
  region: string,
  params: Record<string, string>,
): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    body: new URLSearchParams({ Version: '2014-10-31', ...params }),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: authorization('rds', region),
    },
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`RDS ${params.Action ?? ''} returned ${response.status}: ${text}`);
  return text;
}

function onlyOfType(resources: Resources, type: string, filter = (_: Resource) => true): Resource {
  const found = Object.values(resources).filter(
    (resource) => resource.Type === type && filter(resource),
  );
  assert.equal(found.length, 1, `expected one ${type}`);
  return found[0] as Resource;
}

/** Returns the RDS Query parameters of the cluster settings that moto keeps, from template properties. */
function clusterParams(properties: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {
    DBClusterIdentifier: String(properties.DBClusterIdentifier),
    Engine: String(properties.Engine),
    EngineVersion: String(properties.EngineVersion),
    StorageEncrypted: String(properties.StorageEncrypted),
    DeletionProtection: String(properties.DeletionProtection),
    EnableIAMDatabaseAuthentication: String(properties.EnableIAMDatabaseAuthentication),
    BackupRetentionPeriod: String(properties.BackupRetentionPeriod),
    Port: String(properties.Port),
  };
  (properties.EnableCloudwatchLogsExports as string[]).forEach((log, index) => {
    params[`EnableCloudwatchLogsExports.member.${index + 1}`] = log;
  });
  return params;
}

describe('data stores on moto', () => {
  let testbed: Testbed;
  let endpoint = '';
  let systems: Resources;
  let drSystems: Resources;
  let drDatabases: Resources;

  before(async () => {
    testbed = await startTestbed({ moto: true, crds: false });
    endpoint = testbed.awsEndpoint ?? '';
    const work = mkdtempSync(join(tmpdir(), 'kinko-e2e-data-stores-'));

    const document = parseDocument(readFileSync('examples/platform.yaml', 'utf8'));
    document.set('account', MOTO_ACCOUNT);
    const config = join(work, 'platform.yaml');
    writeFileSync(config, document.toString());
    synth({ configFile: config, outDir: join(work, 'out') });
    const out = join(work, 'out', 'cdk');
    const read = (stack: string): Resources =>
      (
        JSON.parse(readFileSync(join(out, `${stack}.template.json`), 'utf8')) as {
          Resources: Resources;
        }
      ).Resources;
    systems = read('kinko-demo-systems');
    drSystems = read('kinko-demo-dr-systems');
    drDatabases = read('kinko-demo-dr-databases');

    await createStack(
      endpoint,
      PRIMARY,
      'kinko-demo-network',
      loadTemplate(join(out, 'kinko-demo-network.template.json'), NETWORK_TYPES),
    );
    const efsPart = loadTemplate(join(out, 'kinko-demo-systems.template.json'), EFS_TYPES) as {
      Resources: Resources;
    };
    // moto 5.2.5 fails on KMS key tags in CloudFormation (KeyError: 'TagKey').
    for (const resource of Object.values(efsPart.Resources)) {
      if (resource.Type === 'AWS::KMS::Key') delete resource.Properties?.Tags;
    }
    await createStack(endpoint, PRIMARY, 'kinko-demo-systems', efsPart as never);
  });

  after(() => testbed?.stop());

  it('[R5][moto] EFS is encrypted with the system key', async () => {
    const aliases = await jsonCall(endpoint, PRIMARY, 'kms', 'TrentService.ListAliases', {});
    const alias = (aliases.Aliases as Array<Record<string, unknown>>).find(
      (candidate) => candidate.AliasName === 'alias/kinko-demo/a',
    );
    const listed = await efsGet(endpoint, '/2015-02-01/file-systems');
    const fileSystems = listed.FileSystems as Array<Record<string, unknown>>;

    assert.equal(fileSystems.length, 1);
    assert.equal(fileSystems[0]?.Name, 'kinko-demo-a');
    assert.equal(fileSystems[0]?.Encrypted, true);
    assert.equal(
      fileSystems[0]?.KmsKeyId,
      `arn:aws:kms:${PRIMARY}:${MOTO_ACCOUNT}:key/${String(alias?.TargetKeyId)}`,
    );
    assert.equal(fileSystems[0]?.ThroughputMode, 'elastic');
  });

  it('[R5][moto] EFS backup policy is enabled', async () => {
    const listed = await efsGet(endpoint, '/2015-02-01/file-systems');
    const id = String((listed.FileSystems as Array<Record<string, unknown>>)[0]?.FileSystemId);

    const policy = await efsGet(endpoint, `/2015-02-01/file-systems/${id}/backup-policy`);

    assert.deepEqual(policy.BackupPolicy, { Status: 'ENABLED' });
  });

  it('[R2][moto] EFS mount targets cover three subnets', async () => {
    const listed = await efsGet(endpoint, '/2015-02-01/file-systems');
    const id = String((listed.FileSystems as Array<Record<string, unknown>>)[0]?.FileSystemId);

    const targets = await efsGet(endpoint, `/2015-02-01/mount-targets?FileSystemId=${id}`);
    const subnets = new Set(
      (targets.MountTargets as Array<Record<string, unknown>>).map((target) => target.SubnetId),
    );

    assert.equal(subnets.size, 3);
  });

  it('[R5][moto] access point enforces the app user', async () => {
    const listed = await efsGet(endpoint, '/2015-02-01/access-points');
    const accessPoints = listed.AccessPoints as Array<Record<string, unknown>>;

    // moto returns the ids as the strings the template gave, where EFS returns numbers.
    const posixUser = accessPoints[0]?.PosixUser as { Uid: unknown; Gid: unknown };
    const rootDirectory = accessPoints[0]?.RootDirectory as {
      Path: string;
      CreationInfo: { OwnerUid: unknown; OwnerGid: unknown; Permissions: string };
    };

    assert.equal(accessPoints.length, 1);
    assert.equal(Number(posixUser.Uid), 10001);
    assert.equal(Number(posixUser.Gid), 10001);
    assert.equal(rootDirectory.Path, '/a');
    assert.equal(Number(rootDirectory.CreationInfo.OwnerUid), 10001);
    assert.equal(Number(rootDirectory.CreationInfo.OwnerGid), 10001);
    assert.equal(rootDirectory.CreationInfo.Permissions, '750');
  });

  it('[R1][moto] global database spans both regions', async () => {
    const globalCluster = onlyOfType(systems, 'AWS::RDS::GlobalCluster').Properties ?? {};
    const primary = onlyOfType(systems, 'AWS::RDS::DBCluster').Properties ?? {};
    const secondary = onlyOfType(drDatabases, 'AWS::RDS::DBCluster').Properties ?? {};
    const globalId = String(globalCluster.GlobalClusterIdentifier);

    await rdsCall(endpoint, PRIMARY, {
      Action: 'CreateGlobalCluster',
      GlobalClusterIdentifier: globalId,
      Engine: String(globalCluster.Engine),
      EngineVersion: String(globalCluster.EngineVersion),
      StorageEncrypted: String(globalCluster.StorageEncrypted),
      DeletionProtection: String(globalCluster.DeletionProtection),
    });
    // The template passes the password as a dynamic reference to the master secret; moto resolves
    // none, so the test passes a value of its own.
    await rdsCall(endpoint, PRIMARY, {
      Action: 'CreateDBCluster',
      ...clusterParams(primary),
      GlobalClusterIdentifier: globalId,
      MasterUsername: String(primary.MasterUsername),
      MasterUserPassword: 'moto-test-password-0123',
    });
    await rdsCall(endpoint, DR, {
      Action: 'CreateDBCluster',
      ...clusterParams(secondary),
      GlobalClusterIdentifier: String(secondary.GlobalClusterIdentifier),
    });

    const described = await rdsCall(endpoint, PRIMARY, {
      Action: 'DescribeGlobalClusters',
      GlobalClusterIdentifier: globalId,
    });
    const members = [...described.matchAll(/<DBClusterArn>([^<]+)<\/DBClusterArn>/g)].map(
      (match) => match[1],
    );
    const writers = [...described.matchAll(/<IsWriter>([^<]+)<\/IsWriter>/g)].map(
      (match) => match[1],
    );

    assert.deepEqual(members, [
      `arn:aws:rds:${PRIMARY}:${MOTO_ACCOUNT}:cluster:kinko-demo-b`,
      `arn:aws:rds:${DR}:${MOTO_ACCOUNT}:cluster:kinko-demo-b`,
    ]);
    assert.deepEqual(writers, ['true', 'false']);
  });

  it('[R1][moto] DR pods read the replicated secret', async () => {
    const secret =
      onlyOfType(
        systems,
        'AWS::SecretsManager::Secret',
        (resource) => resource.Properties?.Name === 'kinko-demo/a/app',
      ).Properties ?? {};
    const replicaRegions = secret.ReplicaRegions as Array<{ Region: string }>;

    const created = await jsonCall(
      endpoint,
      PRIMARY,
      'secretsmanager',
      'secretsmanager.CreateSecret',
      {
        Name: secret.Name,
        SecretString: 'value-from-the-primary',
        AddReplicaRegions: replicaRegions.map((replica) => ({ Region: replica.Region })),
      },
    );
    const replica = await jsonCall(
      endpoint,
      DR,
      'secretsmanager',
      'secretsmanager.GetSecretValue',
      {
        SecretId: secret.Name,
      },
    );
    const podPolicy = Object.entries(drSystems).find(([id]) =>
      id.startsWith('SystemaPodRolePolicy'),
    )?.[1];
    const statements = (
      podPolicy?.Properties?.PolicyDocument as {
        Statement: Array<{ Sid?: string; Resource: { 'Fn::Join': [string, unknown[]] } }>;
      }
    ).Statement;
    const pattern = statements
      .find((statement) => statement.Sid === 'ReadOwnSecret')
      ?.Resource['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'aws'))
      .join('');
    const patternRegex = new RegExp(
      `^${(pattern ?? '').replace(/[.*+^${}()|[\]\\/]/g, '\\$&').replace(/\?/g, '.')}$`,
    );

    assert.deepEqual(
      replicaRegions.map((replica) => replica.Region),
      [DR],
    );
    assert.equal(replica.SecretString, 'value-from-the-primary');
    assert.equal(replica.ARN, String(created.ARN).replace(`:${PRIMARY}:`, `:${DR}:`));
    assert.match(String(replica.ARN), patternRegex);
  });
});
