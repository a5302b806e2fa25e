import { RemovalPolicy } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { ResolvedPlatform } from '../model/platform.js';
import {
  allowServerAccessLogsFrom,
  createAccessLogBucket,
  createAuditBucket,
} from './audit-buckets.js';
import type { ControlLedger } from './control-ledger.js';
import { createEncryptedLogGroup, createLogsKey } from './log-group.js';
import { PlatformStack } from './platform-stack.js';
import { acknowledgeRule } from './acknowledge.js';

/**
 * Account-wide detection and audit for the platform's region: GuardDuty (EKS audit logs, runtime
 * monitoring, EBS malware scans), a multi-region CloudTrail trail, ECR enhanced scanning, and the
 * bucket that receives every Kinko bucket's server access logs.
 */
export class SecurityStack extends PlatformStack {
  readonly accessLogBucket: s3.Bucket;

  constructor(scope: Construct, platform: ResolvedPlatform, ledger: ControlLedger) {
    super(
      scope,
      `${platform.name}-security`,
      platform,
      platform.primary,
      `Kinko ${platform.name}: GuardDuty, CloudTrail, ECR scanning, access logs`,
    );
    const retentionDays = platform.security.cloudTrailRetentionDays;

    // NOTE: access logs share the CloudTrail retention because both are audit records, and platform.yaml
    // has no separate setting for them yet.
    this.accessLogBucket = createAccessLogBucket(this, 'AccessLogBucket', retentionDays);
    const trail = this.addTrail(platform, ledger);
    allowServerAccessLogsFrom(this.accessLogBucket, [
      trail.bucketArn,
      ...platform.systems.map((system) => `arn:${this.partition}:s3:::${system.bucketName}`),
    ]);

    this.addGuardDuty(ledger);
    this.addRegistryScanning(ledger);
  }

  private addTrail(platform: ResolvedPlatform, ledger: ControlLedger): { bucketArn: string } {
    const key = new kms.Key(this, 'TrailKey', {
      description: `Kinko ${platform.name}: encrypts CloudTrail log files`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToEncryptThisAccountsTrails',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringLike: {
            'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${this.partition}:cloudtrail:*:${this.account}:trail/*`,
          },
        },
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToDescribeKey',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:DescribeKey'],
        resources: ['*'],
      }),
    );

    const bucket = createAuditBucket(this, 'TrailBucket', {
      encryptionKey: key,
      retentionDays: platform.security.cloudTrailRetentionDays,
      accessLogBucketName: this.accessLogBucket.bucketName,
      accessLogPrefix: 'cloudtrail/',
    });

    // The trail also goes to CloudWatch Logs so that AWS API activity can be watched as it happens.
    const logGroup = createEncryptedLogGroup(this, 'TrailLogGroup', {
      retentionDays: platform.security.cloudTrailRetentionDays,
      retentionField: 'security.cloudTrailRetentionDays',
      encryptionKey: createLogsKey(
        this,
        'TrailLogKey',
        `Kinko ${platform.name}: encrypts the CloudTrail log group`,
      ),
    });

    const trail = new cloudtrail.Trail(this, 'Trail', {
      bucket,
      encryptionKey: key,
      enableFileValidation: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: logGroup,
    });
    const logsRole = trail.node.findChild('LogsRole');
    const inlinePolicyReason =
      "The CloudTrail construct creates this role with an inline policy that only writes to the trail's own log group, and the construct offers no way to use a managed policy.";
    acknowledgeRule(logsRole, 'NIST.800.53.R5-IAMNoInlinePolicy', inlinePolicyReason);
    acknowledgeRule(
      logsRole.node.findChild('DefaultPolicy'),
      'NIST.800.53.R5-IAMNoInlinePolicy',
      inlinePolicyReason,
    );

    ledger.record('S12', trail, {
      en: 'CloudTrail trail: AWS API activity of every region, KMS-encrypted, with log file validation, also sent to CloudWatch Logs',
      ja: 'CloudTrail 証跡：全リージョンの AWS API 操作を記録（KMS 暗号化・ログファイル検証あり、CloudWatch Logs にも送信）',
    });
    ledger.record('S12', bucket, {
      en: `CloudTrail bucket: KMS-encrypted, TLS only, versioned, access-logged, objects kept ${platform.security.cloudTrailRetentionDays} days`,
      ja: `CloudTrail 用バケット：KMS 暗号化・TLS 必須・バージョニング・アクセスログ有効、${platform.security.cloudTrailRetentionDays} 日保管`,
    });
    return { bucketArn: bucket.bucketArn };
  }

  private addGuardDuty(ledger: ControlLedger): void {
    // NOTE: an account has one detector per region. An account whose detector is managed elsewhere
    // (for example by a delegated GuardDuty administrator) cannot deploy this resource as is.
    const detector = new guardduty.CfnDetector(this, 'Detector', {
      enable: true,
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
      features: [
        { name: 'EKS_AUDIT_LOGS', status: 'ENABLED' },
        { name: 'EBS_MALWARE_PROTECTION', status: 'ENABLED' },
        {
          name: 'RUNTIME_MONITORING',
          status: 'ENABLED',
          // The cluster stacks install the security agent as an EKS add-on and the network stack
          // creates its VPC endpoint. GuardDuty's automated agent would install the same add-on
          // and a second endpoint outside CloudFormation, and the two owners would race.
          additionalConfiguration: [
            { name: 'EKS_ADDON_MANAGEMENT', status: 'DISABLED' },
            { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'DISABLED' },
            { name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' },
          ],
        },
      ],
    });

    ledger.record('S10', detector, {
      en: 'GuardDuty Malware Protection for EC2: scans the EBS volumes of a node that behaves suspiciously',
      ja: 'GuardDuty Malware Protection for EC2：不審な挙動のノードの EBS ボリュームをスキャン',
    });
    ledger.record('S11', detector, {
      en: 'GuardDuty Runtime Monitoring: watches processes, files and network activity on every node and container',
      ja: 'GuardDuty Runtime Monitoring：全ノード・全コンテナのプロセス・ファイル・通信を監視',
    });
    ledger.record('S12', detector, {
      en: 'GuardDuty EKS Protection: analyses the Kubernetes audit log of every cluster',
      ja: 'GuardDuty EKS Protection：各クラスターの Kubernetes 監査ログを分析',
    });
  }

  private addRegistryScanning(ledger: ControlLedger): void {
    const scanning = new ecr.CfnRegistryScanningConfiguration(this, 'RegistryScanning', {
      scanType: 'ENHANCED',
      rules: [
        {
          scanFrequency: 'CONTINUOUS_SCAN',
          repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
        },
      ],
    });
    ledger.record('S3', scanning, {
      en: 'ECR enhanced scanning (Amazon Inspector) of every repository: OS and language packages, rescanned continuously',
      ja: 'ECR 拡張スキャン（Amazon Inspector）を全リポジトリに適用：OS・言語パッケージを継続的に再スキャン',
    });
  }
}
