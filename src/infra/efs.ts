import { Annotations, CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { ResolvedEfs } from '../model/data-stores.js';
import type { ResolvedSystem } from '../model/platform.js';
import { acknowledgeRule } from './acknowledge.js';
import type { ControlLedger } from './control-ledger.js';

/** NFS port of the EFS mount targets. */
export const NFS_PORT = 2049;

/** Permissions of the access point's root directory: the owner writes, its group reads. */
const ROOT_DIRECTORY_PERMISSIONS = '750';

export interface SystemFileSystemProps {
  readonly system: ResolvedSystem;
  readonly efs: ResolvedEfs;
  readonly vpc: ec2.IVpc;
  /** The system's KMS key, which encrypts the file system. */
  readonly key: kms.IKey;
  /** DR region the file system replicates to; without it the file system does not replicate. */
  readonly replicaRegion?: string;
  readonly ledger: ControlLedger;
}

/**
 * A system's EFS file system (R5): encrypted with the system's key, in AWS Backup through its
 * backup policy, a mount target in the private subnet of each Availability Zone, TLS and IAM
 * required by its file system policy, one access point that enforces the apps' POSIX user, and,
 * when a DR region is declared, a replication configuration to it (R1).
 *
 * The security group admits nothing: each cluster stack adds NFS from its own cluster security
 * group (`allowClusterToDataStores`), so retiring a cluster removes its access.
 */
export class SystemFileSystem extends Construct {
  readonly fileSystem: efs.FileSystem;
  readonly accessPoint: efs.AccessPoint;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: SystemFileSystemProps) {
    super(scope, id);
    const { system, ledger } = props;
    const stack = Stack.of(this);

    this.securityGroup = createFileSystemSecurityGroup(this, 'SecurityGroup', props.vpc, system);
    this.fileSystem = new efs.FileSystem(this, 'FileSystem', {
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, onePerAz: true },
      securityGroup: this.securityGroup,
      fileSystemName: props.efs.fileSystemName,
      encrypted: true,
      kmsKey: props.key,
      enableAutomaticBackups: true,
      performanceMode: efs.PerformanceMode.GENERAL_PURPOSE,
      throughputMode:
        props.efs.throughputMode === 'elastic'
          ? efs.ThroughputMode.ELASTIC
          : efs.ThroughputMode.BURSTING,
      allowAnonymousAccess: false,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeRule(
      this.fileSystem,
      'NIST.800.53.R5-EFSInBackupPlan',
      'The backup policy is enabled, which puts the file system in the AWS Backup plan that EFS manages (aws/efs/automatic-backup-plan): a daily backup kept 35 days.',
    );
    this.fileSystem.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyWithoutTls',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['*'],
        conditions: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );

    this.accessPoint = this.fileSystem.addAccessPoint('AccessPoint', {
      path: props.efs.rootDirectory,
      posixUser: {
        uid: String(props.efs.posixUser.uid),
        gid: String(props.efs.posixUser.gid),
      },
      createAcl: {
        ownerUid: String(props.efs.posixUser.uid),
        ownerGid: String(props.efs.posixUser.gid),
        permissions: ROOT_DIRECTORY_PERMISSIONS,
      },
    });

    // EFS generates both ids at deploy time; platform.yaml takes them back so the manifests can mount.
    new CfnOutput(this, 'FileSystemId', {
      description: `systems[${system.name}].efs.fileSystemId in platform.yaml`,
      value: this.fileSystem.fileSystemId,
    });
    new CfnOutput(this, 'AccessPointId', {
      description: `systems[${system.name}].efs.accessPointId in platform.yaml`,
      value: this.accessPoint.accessPointId,
    });
    if (props.efs.volumeHandle === undefined) {
      Annotations.of(this).addWarningV2(
        'kinko:efsNotMounted',
        `The apps of system ${system.name} do not mount the EFS file system ${props.efs.fileSystemName} yet, because its ids exist only after the first deploy. ` +
          'Copy the FileSystemId and AccessPointId outputs of this stack into efs.fileSystemId and efs.accessPointId in platform.yaml, then synth again.',
      );
    }

    ledger.record('R5', this.fileSystem, {
      en: `${system.displayName} EFS file system ${props.efs.fileSystemName}: KMS-encrypted with ${system.kmsAliasName}, backed up, a mount target per Availability Zone, TLS required, mounted as UID ${props.efs.posixUser.uid} through its access point`,
      ja: `${system.displayName} の EFS ファイルシステム ${props.efs.fileSystemName}：${system.kmsAliasName} で KMS 暗号化、バックアップ対象、AZ ごとにマウントターゲット、TLS 必須、アクセスポイント経由で UID ${props.efs.posixUser.uid} としてマウント`,
    });

    if (props.replicaRegion !== undefined) {
      const replicaKey = `arn:${stack.partition}:kms:${props.replicaRegion}:${stack.account}:${system.kmsAliasName}`;
      // The replica is named by region and key alias only, because CloudFormation cannot refer to
      // a resource in another region; EFS creates the read-only replica file system itself.
      const resource = this.fileSystem.node.defaultChild as efs.CfnFileSystem;
      resource.replicationConfiguration = {
        destinations: [{ region: props.replicaRegion, kmsKeyId: replicaKey }],
      };
      ledger.record('R1', this.fileSystem, {
        en: `${system.displayName} EFS file system ${props.efs.fileSystemName} replicates to a read-only replica in ${props.replicaRegion}, encrypted with ${system.kmsAliasName} there`,
        ja: `${system.displayName} の EFS ファイルシステム ${props.efs.fileSystemName} を ${props.replicaRegion} の読み取り専用レプリカへ複製（複製先では ${system.kmsAliasName} で暗号化）`,
      });
    }
  }
}

/**
 * Creates the security group of a system's EFS mount targets, with no rule: the cluster stacks add
 * NFS from their cluster security group. In the DR region it waits for the mount targets that
 * the failover runbook creates on the replica.
 */
export function createFileSystemSecurityGroup(
  scope: Construct,
  id: string,
  vpc: ec2.IVpc,
  system: ResolvedSystem,
): ec2.SecurityGroup {
  return new ec2.SecurityGroup(scope, id, {
    vpc,
    description: `Kinko system ${system.name}: EFS mount targets, NFS from the cluster nodes only`,
    allowAllOutbound: false,
  });
}
