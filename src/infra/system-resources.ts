import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ResolvedSystem } from '../model/platform.js';
import { acknowledgeAccessLogTarget, REPLICATION_PENDING_REASON } from './audit-buckets.js';
import type { ControlLedger } from './control-ledger.js';
import { createPodRole } from './system-pod-role.js';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledgeRule } from './acknowledge.js';
import { addBucketReplication, type BucketReplication } from './dr-replication.js';
import { SystemDataStores } from './system-data-stores.js';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Stack } from 'aws-cdk-lib';

const REPLICA_REASON =
  "This bucket is the DR region's copy that the primary bucket replicates into; replicating it back would loop.";

/** Receive count before a message moves to the dead-letter queue. platform.yaml has no setting for it yet. */
const MAX_RECEIVE_COUNT = 5;
/** SQS keeps a message at most 14 days, so the dead-letter queue keeps failures that long. */
const MESSAGE_RETENTION = Duration.days(14);

export interface SystemResourcesProps {
  readonly system: ResolvedSystem;
  /** Bucket that receives the system bucket's server access logs. */
  readonly accessLogBucket: s3.IBucket;
  readonly ledger: ControlLedger;
  /** Replicate the bucket to its DR copy; without it the bucket does not replicate. */
  readonly replication?: BucketReplication;
  /** These are the DR region's copies, the destination of the primary buckets' replication. */
  readonly isReplica?: boolean;
  /** VPC of the systems' EFS file systems and Aurora clusters, with its Availability Zones. */
  readonly network?: { readonly vpc: ec2.IVpc; readonly availabilityZones: readonly string[] };
}

/**
 * One business system's own AWS resources: its KMS key, ECR repositories, S3 bucket, SQS queue
 * with its dead-letter queue, Secrets Manager secret, and the IAM role its pods receive through
 * EKS Pod Identity. Nothing here is shared with another system.
 */
export class SystemResources extends Construct {
  readonly key: kms.Key;
  readonly bucket: s3.Bucket;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  /** The secret; in the DR region, the replica that the primary secret creates there. */
  readonly secret: secretsmanager.ISecret;
  readonly podRole: iam.Role;
  /** EFS file system and Aurora cluster; undefined without a VPC or when the system declares neither. */
  readonly dataStores?: SystemDataStores;

  constructor(scope: Construct, id: string, props: SystemResourcesProps) {
    super(scope, id);
    const { system, ledger } = props;

    this.key = new kms.Key(this, 'Key', {
      alias: system.kmsAliasName,
      description: `Kinko system ${system.name}: encrypts the system's bucket, queues, secret and images`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    ledger.record('S4', this.key, {
      en: `${system.displayName} KMS key ${system.kmsAliasName}, rotated yearly, encrypts the system's data and secret`,
      ja: `${system.displayName} 専用 KMS キー ${system.kmsAliasName}（年次ローテーション）：システムのデータとシークレットを暗号化`,
    });

    this.addRepositories(system, ledger);
    this.bucket = this.addBucket(system, props.accessLogBucket, ledger, props);
    if (props.replication !== undefined) {
      addBucketReplication(this, this.bucket, this.key, system, props.replication, ledger);
    }
    [this.queue, this.deadLetterQueue] = this.addQueues(system);
    this.secret =
      props.isReplica === true
        ? replicaSecret(this, system)
        : this.addSecret(system, ledger, props.replication?.region);
    if (
      props.network !== undefined &&
      (system.efs !== undefined || system.database !== undefined)
    ) {
      this.dataStores = new SystemDataStores(this, 'DataStores', {
        system,
        vpc: props.network.vpc,
        key: this.key,
        availabilityZones: props.network.availabilityZones,
        isReplica: props.isReplica === true,
        ledger,
        ...(props.replication !== undefined ? { replicaRegion: props.replication.region } : {}),
      });
    }

    this.podRole = createPodRole(this, 'PodRole', {
      system,
      key: this.key,
      bucket: this.bucket,
      queues: [this.queue, this.deadLetterQueue],
      secret: this.secret,
    });
    ledger.record('S7', this.podRole, {
      en: `${system.displayName} pod role ${system.podRoleName}: trusted by EKS Pod Identity, allowed only this system's bucket, queues, secret and key`,
      ja: `${system.displayName} の Pod 用ロール ${system.podRoleName}：EKS Pod Identity のみが引き受け可能、自システムのバケット・キュー・シークレット・キーのみ許可`,
    });
  }

  private addRepositories(system: ResolvedSystem, ledger: ControlLedger): void {
    for (const app of system.apps) {
      const repository = new ecr.Repository(this, `Repository-${app.name}`, {
        repositoryName: app.repositoryName,
        imageTagMutability: ecr.TagMutability.IMMUTABLE,
        encryption: ecr.RepositoryEncryption.KMS,
        encryptionKey: this.key,
        imageScanOnPush: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      ledger.record('S3', repository, {
        en: `ECR repository ${app.repositoryName}: immutable tags, KMS-encrypted, scanned on push`,
        ja: `ECR リポジトリ ${app.repositoryName}：タグ上書き不可・KMS 暗号化・プッシュ時スキャン`,
      });
    }
  }

  private addBucket(
    system: ResolvedSystem,
    accessLogBucket: s3.IBucket,
    ledger: ControlLedger,
    props: SystemResourcesProps,
  ): s3.Bucket {
    const bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: system.bucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: accessLogBucket,
      serverAccessLogsPrefix: `${system.bucketName}/`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeAccessLogTarget(bucket);
    if (props.replication === undefined) {
      acknowledgeRule(
        bucket,
        'NIST.800.53.R5-S3BucketReplicationEnabled',
        props.isReplica === true ? REPLICA_REASON : REPLICATION_PENDING_REASON,
      );
    }

    if (system.sharedFiles !== undefined) {
      ledger.record('R5', bucket, {
        en: `${system.displayName} bucket ${system.bucketName}: shared files under ${system.sharedFiles.prefix} live outside the cluster, so both clusters of a switch reach them`,
        ja: `${system.displayName} のバケット ${system.bucketName}：${system.sharedFiles.prefix} 配下の共有ファイルをクラスター外に保持し、切り替え中の両クラスターから参照可能`,
      });
    }
    return bucket;
  }

  private addQueues(system: ResolvedSystem): [sqs.Queue, sqs.Queue] {
    const deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      queueName: system.deadLetterQueueName,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: MESSAGE_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeRule(
      deadLetterQueue,
      'AwsSolutions-SQS3',
      "This queue is the dead-letter queue of the system's queue, and a dead-letter queue of its own would never receive anything.",
    );

    const queue = new sqs.Queue(this, 'Queue', {
      queueName: system.queueName,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    return [queue, deadLetterQueue];
  }

  /**
   * Creates the system's secret. With a DR region, Secrets Manager replicates it there under the
   * same name, encrypted with the system's key of the same alias, so apps in either region read
   * the same value (R1).
   */
  private addSecret(
    system: ResolvedSystem,
    ledger: ControlLedger,
    replicaRegion: string | undefined,
  ): secretsmanager.Secret {
    // The value is generated by Secrets Manager at deploy time, so it never appears in the template.
    const secret = new secretsmanager.Secret(this, 'Secret', {
      secretName: system.secretName,
      description: `Kinko system ${system.name}: application secret, mounted by the Secrets Store CSI Driver`,
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 32, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const rotationReason =
      'The value belongs to the system team and its consumer. Rotation needs a rotation function written for that consumer, which platform.yaml does not declare yet.';
    acknowledgeRule(secret, 'AwsSolutions-SMG4', rotationReason);
    acknowledgeRule(secret, 'NIST.800.53.R5-SecretsManagerRotationEnabled', rotationReason);
    if (replicaRegion !== undefined) {
      const stack = Stack.of(this);
      // The DR key is named by its alias, because CloudFormation cannot refer to another region.
      (secret.node.defaultChild as secretsmanager.CfnSecret).replicaRegions = [
        {
          region: replicaRegion,
          kmsKeyId: `arn:${stack.partition}:kms:${replicaRegion}:${stack.account}:${system.kmsAliasName}`,
        },
      ];
      ledger.record('R1', secret, {
        en: `${system.displayName} secret ${system.secretName} replicates to ${replicaRegion} under the same name, encrypted with ${system.kmsAliasName} there, so apps in the DR region read the same value`,
        ja: `${system.displayName} のシークレット ${system.secretName} を同じ名前で ${replicaRegion} に複製（複製先の ${system.kmsAliasName} で暗号化）。DR リージョンのアプリも同じ値を読む`,
      });
    }

    ledger.record('S4', secret, {
      en: `${system.displayName} secret ${system.secretName} in Secrets Manager, encrypted with the system's key, so no Kubernetes Secret goes into git`,
      ja: `${system.displayName} のシークレット ${system.secretName}（Secrets Manager、システム専用キーで暗号化）。Git に Kubernetes Secret を置かない`,
    });
    return secret;
  }
}

/**
 * Returns the DR region's replica of the system's secret. The primary secret creates it through
 * its replica regions, so the DR stack names it instead of creating it: a replica's ARN is the
 * primary's name with the same six random characters, which only the wildcard `??????` matches.
 */
function replicaSecret(scope: Construct, system: ResolvedSystem): secretsmanager.ISecret {
  const stack = Stack.of(scope);
  return secretsmanager.Secret.fromSecretCompleteArn(
    scope,
    'Secret',
    `arn:${stack.partition}:secretsmanager:${stack.region}:${stack.account}:secret:${system.secretName}-??????`,
  );
}
