import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { ResolvedSystem } from '../model/platform.js';
import { acknowledgeRule } from './acknowledge.js';
import { logicalIdPlaceholder } from './system-pod-role.js';
import type { ControlLedger } from './control-ledger.js';

/** S3 Replication Time Control: 99.99 % of objects replicated within 15 minutes. */
const REPLICATION_TIME_MINUTES = 15;

/** Where the primary buckets replicate to. */
export interface BucketReplication {
  readonly region: string;
  /** DR bucket name by system name. */
  readonly bucketNames: ReadonlyMap<string, string>;
}

/**
 * Replicates a system's bucket to its copy in the DR region (R1): every object and delete marker,
 * re-encrypted with the system's key of the same alias there, with Replication Time Control and
 * metrics. The DR bucket and key are named, not referenced, because CloudFormation cannot refer
 * across regions; the DR stacks deploy first (see `buildInfra`).
 */
export function addBucketReplication(
  scope: Construct,
  bucket: s3.Bucket,
  key: kms.IKey,
  system: ResolvedSystem,
  replication: BucketReplication,
  ledger: ControlLedger,
): void {
  const stack = Stack.of(scope);
  const destinationName = replication.bucketNames.get(system.name);
  if (destinationName === undefined) {
    throw new Error(
      `System ${system.name} has no DR bucket name; build both regions from the same platform.`,
    );
  }
  const destinationArn = `arn:${stack.partition}:s3:::${destinationName}`;
  const replicaKeyAlias = `arn:${stack.partition}:kms:${replication.region}:${stack.account}:${system.kmsAliasName}`;

  const role = new iam.Role(scope, 'ReplicationRole', {
    assumedBy: new iam.ServicePrincipal('s3.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
    description: `Kinko system ${system.name}: replicates ${system.bucketName} to ${destinationName}`,
  });
  const policy = new iam.ManagedPolicy(scope, 'ReplicationPolicy', {
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
        resources: [bucket.bucketArn],
      }),
      new iam.PolicyStatement({
        actions: [
          's3:GetObjectVersionForReplication',
          's3:GetObjectVersionAcl',
          's3:GetObjectVersionTagging',
        ],
        resources: [bucket.arnForObjects('*')],
      }),
      new iam.PolicyStatement({
        actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
        resources: [`${destinationArn}/*`],
      }),
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
      }),
      // The DR key is named by its alias, because its key id is generated in the other region.
      new iam.PolicyStatement({
        actions: ['kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [`arn:${stack.partition}:kms:${replication.region}:${stack.account}:key/*`],
        conditions: {
          StringEquals: { 'kms:ViaService': `s3.${replication.region}.amazonaws.com` },
          'ForAnyValue:StringEquals': { 'kms:ResourceAliases': [system.kmsAliasName] },
        },
      }),
    ],
  });
  const objectReason =
    "Replication reads and writes objects, so it needs an object ARN; the wildcard covers only keys inside the system's own bucket and its DR copy.";
  acknowledgeRule(
    policy,
    `AwsSolutions-IAM5[Resource::<${logicalIdPlaceholder(bucket)}.Arn>/*]`,
    objectReason,
  );
  acknowledgeRule(
    policy,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${destinationName}/*]`,
    objectReason,
  );
  acknowledgeRule(
    policy,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:kms:${replication.region}:${stack.account}:key/*]`,
    "The DR key's id is generated in the other region, so the statement names any key there and narrows it by the kms:ResourceAliases condition to the system's own alias.",
  );

  const cfnBucket = bucket.node.defaultChild as s3.CfnBucket;
  cfnBucket.replicationConfiguration = {
    role: role.roleArn,
    rules: [
      {
        id: 'dr-region',
        status: 'Enabled',
        priority: 1,
        filter: { prefix: '' },
        deleteMarkerReplication: { status: 'Enabled' },
        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: 'Enabled' } },
        destination: {
          bucket: destinationArn,
          encryptionConfiguration: { replicaKmsKeyId: replicaKeyAlias },
          replicationTime: { status: 'Enabled', time: { minutes: REPLICATION_TIME_MINUTES } },
          metrics: { status: 'Enabled', eventThreshold: { minutes: REPLICATION_TIME_MINUTES } },
        },
      },
    ],
  };
  ledger.record('R1', bucket, {
    en: `System ${system.name}: bucket ${system.bucketName} replicates every object and delete marker to ${destinationName} in ${replication.region}, within ${REPLICATION_TIME_MINUTES} minutes (Replication Time Control)`,
    ja: `システム ${system.name}：バケット ${system.bucketName} の全オブジェクトと削除マーカーを ${replication.region} の ${destinationName} へ ${REPLICATION_TIME_MINUTES} 分以内に複製（S3 Replication Time Control）`,
  });
}
