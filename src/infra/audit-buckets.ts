import { Annotations, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledgeRule } from './acknowledge.js';

/** Reason shared by every bucket that does not replicate yet, because cross-region copies come with the DR stacks. */
export const REPLICATION_PENDING_REASON =
  'Cross-region replication belongs to the disaster-recovery stacks (R1), which Kinko does not build yet. Until then the bucket is versioned and kept on stack deletion.';

/**
 * Creates the platform's bucket for S3 server access logs. S3 delivers access logs only to a
 * bucket whose default encryption is SSE-S3, so this one bucket does not use a KMS key.
 * Call `allowServerAccessLogsFrom` to let buckets deliver into it.
 */
export function createAccessLogBucket(
  scope: Construct,
  id: string,
  retentionDays: number,
): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    lifecycleRules: [
      {
        expiration: Duration.days(retentionDays),
        noncurrentVersionExpiration: Duration.days(retentionDays),
      },
    ],
    removalPolicy: RemovalPolicy.RETAIN,
  });

  const acknowledgements: ReadonlyArray<readonly [string, string]> = [
    [
      'AwsSolutions-S1',
      'This is the destination of the server access logs, and logging it into itself would loop.',
    ],
    [
      'NIST.800.53.R5-S3BucketLoggingEnabled',
      'This is the destination of the server access logs, and logging it into itself would loop.',
    ],
    [
      'NIST.800.53.R5-S3DefaultEncryptionKMS',
      'S3 delivers server access logs only to buckets whose default encryption is SSE-S3, not SSE-KMS.',
    ],
    ['NIST.800.53.R5-S3BucketReplicationEnabled', REPLICATION_PENDING_REASON],
  ];
  for (const [ruleId, reason] of acknowledgements) {
    acknowledgeRule(bucket, ruleId, reason);
  }
  return bucket;
}

/**
 * Lets S3 deliver the server access logs of `sourceBucketArns` (buckets of this account only)
 * into `accessLogBucket`. Source buckets in other stacks are named by ARN, not by reference,
 * because a reference would make the two stacks depend on each other.
 */
export function allowServerAccessLogsFrom(
  accessLogBucket: s3.Bucket,
  sourceBucketArns: readonly string[],
): void {
  accessLogBucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowServerAccessLogDelivery',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [accessLogBucket.arnForObjects('*')],
      conditions: {
        StringEquals: { 'aws:SourceAccount': Stack.of(accessLogBucket).account },
        ArnLike: { 'aws:SourceArn': [...sourceBucketArns] },
      },
    }),
  );
}

/**
 * Returns the access log bucket as the target of another bucket's server access logs. The target
 * is always referenced by name, so CDK neither switches the log bucket to ACLs nor edits its
 * policy; `allowServerAccessLogsFrom` grants the delivery instead.
 */
export function accessLogTarget(
  scope: Construct,
  id: string,
  accessLogBucketName: string,
): s3.IBucket {
  return s3.Bucket.fromBucketName(scope, id, accessLogBucketName);
}

/** Acknowledges CDK's warning that it did not grant log delivery on an access log target referenced by name. */
export function acknowledgeAccessLogTarget(bucket: s3.Bucket): void {
  Annotations.of(bucket).acknowledgeWarning(
    '@aws-cdk/aws-s3:accessLogsPolicyNotAdded',
    "The access log bucket's own policy grants S3 log delivery from this bucket by ARN (allowServerAccessLogsFrom).",
  );
}

export interface AuditBucketProps {
  readonly encryptionKey: kms.IKey;
  readonly retentionDays: number;
  readonly accessLogBucketName: string;
  /** Key prefix of this bucket's server access logs in the access log bucket. */
  readonly accessLogPrefix: string;
}

/**
 * Creates a bucket for audit records (the CloudTrail log files): KMS-encrypted, TLS only,
 * versioned, public access blocked, access-logged, and expired after `retentionDays`.
 */
export function createAuditBucket(
  scope: Construct,
  id: string,
  props: AuditBucketProps,
): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: props.encryptionKey,
    bucketKeyEnabled: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    serverAccessLogsBucket: accessLogTarget(
      scope,
      `${id}AccessLogTarget`,
      props.accessLogBucketName,
    ),
    serverAccessLogsPrefix: props.accessLogPrefix,
    lifecycleRules: [
      {
        expiration: Duration.days(props.retentionDays),
        noncurrentVersionExpiration: Duration.days(props.retentionDays),
      },
    ],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  acknowledgeAccessLogTarget(bucket);
  acknowledgeRule(bucket, 'NIST.800.53.R5-S3BucketReplicationEnabled', REPLICATION_PENDING_REASON);
  return bucket;
}
