import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { ResolvedDatabase } from '../model/data-stores.js';
import type { ResolvedSystem } from '../model/platform.js';
import { acknowledgeRule } from './acknowledge.js';
import type { ControlLedger } from './control-ledger.js';

/** Seconds between Enhanced Monitoring samples of each instance. */
const MONITORING_INTERVAL = Duration.seconds(60);

/**
 * Daily backup window in UTC: 02:00–03:00 in Japan (UTC+9), outside business hours.
 * NOTE: platform.yaml has no setting for it yet, so every region and system shares it.
 */
const BACKUP_WINDOW = '17:00-18:00';

export interface DatabaseFoundationProps {
  readonly system: ResolvedSystem;
  readonly database: ResolvedDatabase;
  readonly vpc: ec2.IVpc;
}

/**
 * The parts of a system's Aurora cluster that each region needs before the cluster exists. The
 * first is a security group that admits nothing until the cluster stacks add their nodes. The
 * others are a DB subnet group over the private subnets, the cluster parameter group that
 * requires TLS and turns on connection or audit logging, and the role Enhanced Monitoring uses.
 */
export class DatabaseFoundation extends Construct {
  readonly securityGroup: ec2.SecurityGroup;
  readonly subnetGroup: rds.CfnDBSubnetGroup;
  readonly parameterGroup: rds.CfnDBClusterParameterGroup;
  readonly monitoringRole: iam.Role;

  constructor(scope: Construct, id: string, props: DatabaseFoundationProps) {
    super(scope, id);
    const { system, database } = props;

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `Kinko system ${system.name}: Aurora cluster, port ${database.port} from the cluster nodes only`,
      allowAllOutbound: false,
    });

    this.subnetGroup = new rds.CfnDBSubnetGroup(this, 'SubnetGroup', {
      dbSubnetGroupDescription: `Kinko system ${system.name}: private subnets of every Availability Zone`,
      subnetIds: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS })
        .subnetIds,
    });

    this.parameterGroup = new rds.CfnDBClusterParameterGroup(this, 'ParameterGroup', {
      description: `Kinko system ${system.name}: TLS required, connections logged`,
      family: database.parameterGroupFamily,
      parameters: { ...database.clusterParameters },
    });

    this.monitoringRole = new iam.Role(this, 'MonitoringRole', {
      assumedBy: new iam.ServicePrincipal('monitoring.rds.amazonaws.com'),
      description: `Kinko system ${system.name}: publishes Aurora Enhanced Monitoring metrics`,
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonRDSEnhancedMonitoringRole'),
      ],
    });
    acknowledgeRule(
      this.monitoringRole,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]',
      'AmazonRDSEnhancedMonitoringRole is the policy RDS documents for Enhanced Monitoring; it writes only to the RDSOSMetrics log group.',
    );
  }
}

/** Settings both regions' clusters share: encryption, protection, backups, IAM auth and logs. */
export function commonClusterProps(
  system: ResolvedSystem,
  database: ResolvedDatabase,
  foundation: DatabaseFoundation,
  key: kms.IKey,
): rds.CfnDBClusterProps {
  return {
    dbClusterIdentifier: database.clusterIdentifier,
    engine: database.engine,
    engineVersion: database.engineVersion,
    port: database.port,
    dbSubnetGroupName: foundation.subnetGroup.ref,
    vpcSecurityGroupIds: [foundation.securityGroup.securityGroupId],
    dbClusterParameterGroupName: foundation.parameterGroup.ref,
    storageEncrypted: true,
    kmsKeyId: key.keyArn,
    deletionProtection: database.deletionProtection,
    backupRetentionPeriod: database.backupRetentionDays,
    preferredBackupWindow: BACKUP_WINDOW,
    copyTagsToSnapshot: true,
    // NOTE: the system's pod role does not grant rds-db:connect yet, so apps cannot sign in with
    // IAM until it does, and they need a database user made for IAM authentication.
    enableIamDatabaseAuthentication: true,
    enableCloudwatchLogsExports: [...database.cloudwatchLogsExports],
    tags: [{ key: 'kinko:system', value: system.name }],
  };
}

/**
 * Adds `count` instances to a cluster, one per Availability Zone in turn, so the first two
 * instances never share a zone. Returns the instances in creation order.
 */
export function addDatabaseInstances(
  scope: Construct,
  cluster: rds.CfnDBCluster,
  database: ResolvedDatabase,
  foundation: DatabaseFoundation,
  availabilityZones: readonly string[],
  count: number,
  key: kms.IKey,
): rds.CfnDBInstance[] {
  const instances: rds.CfnDBInstance[] = [];
  for (let index = 0; index < count; index += 1) {
    const instance = new rds.CfnDBInstance(scope, `Instance${index + 1}`, {
      dbClusterIdentifier: cluster.ref,
      dbInstanceClass: database.instanceClass,
      engine: database.engine,
      availabilityZone: availabilityZones[index % availabilityZones.length],
      publiclyAccessible: false,
      // The engine version is pinned in platform.yaml, so RDS must not move it on its own.
      autoMinorVersionUpgrade: false,
      monitoringInterval: MONITORING_INTERVAL.toSeconds(),
      monitoringRoleArn: foundation.monitoringRole.roleArn,
      enablePerformanceInsights: true,
      performanceInsightsKmsKeyId: key.keyArn,
      promotionTier: index,
    });
    acknowledgeRule(
      instance,
      'NIST.800.53.R5-RDSAutomaticMinorVersionUpgradeEnabled',
      'The engine version is pinned in platform.yaml, so an upgrade is a reviewed change; Aurora versions the cluster, not the instance.',
    );
    acknowledgeRule(
      instance,
      'CloudFormation-Validate::W3010',
      'The Availability Zones come from platform.yaml, which names the zones of the VPC subnets too, so each instance lands in a zone with a subnet of the DB subnet group.',
    );
    acknowledgeRule(
      instance,
      'NIST.800.53.R5-RDSInBackupPlan',
      'Aurora backs up the cluster, not its instances: automated backups with point-in-time recovery are kept for the cluster retention period.',
    );
    instances.push(instance);
  }
  return instances;
}

/** Acknowledges the cdk-nag rules that Kinko's Aurora clusters break by design, per engine. */
export function acknowledgeClusterRules(
  cluster: rds.CfnDBCluster,
  database: ResolvedDatabase,
): void {
  acknowledgeRule(
    cluster,
    'AwsSolutions-RDS11',
    `The cluster keeps the engine's default port ${database.port}: its security group admits only the cluster nodes, and another port hides nothing from a scan inside the VPC.`,
  );
  if (database.engine === 'aurora-mysql') {
    acknowledgeRule(
      cluster,
      'AwsSolutions-RDS14',
      'Backtrack is not available for clusters of an Aurora global database; point-in-time recovery from backups restores earlier states.',
    );
    acknowledgeRule(
      cluster,
      'NIST.800.53.R5-RDSLoggingEnabled[LogExport::general]',
      'The general log records every statement with its values, customer data included, so it stays off; the audit log records connections and DDL and DCL statements.',
    );
  }
}

export interface SystemDatabaseProps {
  readonly system: ResolvedSystem;
  readonly database: ResolvedDatabase;
  readonly vpc: ec2.IVpc;
  readonly key: kms.IKey;
  readonly availabilityZones: readonly string[];
  /** DR region of the global database; without it the cluster is a standalone cluster. */
  readonly replicaRegion?: string;
  readonly ledger: ControlLedger;
}

/**
 * A system's Aurora cluster in the primary region (R5): encrypted with the system's key, deletion
 * protection, automated backups, IAM database authentication, TLS required, logs exported to
 * CloudWatch Logs, and instances over the Availability Zones. With a DR region it is the primary
 * cluster of a global database, whose secondary the DR database stack adds (R1).
 */
export class SystemDatabase extends Construct {
  readonly foundation: DatabaseFoundation;
  readonly cluster: rds.CfnDBCluster;
  readonly globalCluster?: rds.CfnGlobalCluster;
  /** Master user secret that Kinko generates; undefined when RDS manages the password. */
  readonly masterSecret?: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: SystemDatabaseProps) {
    super(scope, id);
    const { system, database, key, ledger } = props;
    const stack = Stack.of(this);
    this.foundation = new DatabaseFoundation(this, 'Foundation', props);

    let credentials: Partial<rds.CfnDBClusterProps>;
    if (props.replicaRegion === undefined || database.globalClusterIdentifier === undefined) {
      // RDS generates the password, keeps it in Secrets Manager and, by default, rotates it every
      // 7 days (Aurora User Guide, password management with Secrets Manager).
      credentials = {
        masterUsername: database.masterUsername,
        manageMasterUserPassword: true,
        masterUserSecret: { kmsKeyId: key.keyArn },
      };
    } else {
      this.globalCluster = new rds.CfnGlobalCluster(this, 'GlobalCluster', {
        globalClusterIdentifier: database.globalClusterIdentifier,
        engine: database.engine,
        engineVersion: database.engineVersion,
        storageEncrypted: true,
        deletionProtection: database.deletionProtection,
      });
      this.globalCluster.applyRemovalPolicy(RemovalPolicy.RETAIN);
      this.masterSecret = this.createReplicatedMasterSecret(props, props.replicaRegion);
      credentials = {
        globalClusterIdentifier: this.globalCluster.ref,
        masterUsername: database.masterUsername,
        // A dynamic reference: CloudFormation reads the value at deploy time, so it is never in the template.
        masterUserPassword: this.masterSecret.secretValueFromJson('password').unsafeUnwrap(),
      };
    }

    this.cluster = new rds.CfnDBCluster(this, 'Cluster', {
      ...commonClusterProps(system, database, this.foundation, key),
      ...credentials,
    });
    this.cluster.applyRemovalPolicy(RemovalPolicy.RETAIN);
    acknowledgeClusterRules(this.cluster, database);
    addDatabaseInstances(
      this,
      this.cluster,
      database,
      this.foundation,
      props.availabilityZones,
      database.instances,
      key,
    );

    ledger.record('R5', this.cluster, {
      en: `${system.displayName} Aurora cluster ${database.clusterIdentifier} (${database.engine} ${database.engineVersion}): ${database.instances} instances over the Availability Zones, KMS-encrypted, deletion protection ${database.deletionProtection ? 'on' : 'off'}, backups kept ${database.backupRetentionDays} days, IAM authentication, TLS required, logs to CloudWatch Logs`,
      ja: `${system.displayName} の Aurora クラスター ${database.clusterIdentifier}（${database.engine} ${database.engineVersion}）：${database.instances} 台のインスタンスを AZ に分散、KMS 暗号化、削除保護${database.deletionProtection ? 'あり' : 'なし'}、バックアップ ${database.backupRetentionDays} 日保持、IAM 認証、TLS 必須、ログを CloudWatch Logs へ出力`,
    });
    if (this.globalCluster !== undefined && props.replicaRegion !== undefined) {
      ledger.record('R1', this.globalCluster, {
        en: `${system.displayName} Aurora global database ${database.globalClusterIdentifier}: primary in ${stack.region}, secondary cluster in ${props.replicaRegion} with ${database.drInstances} instances`,
        ja: `${system.displayName} の Aurora グローバルデータベース ${database.globalClusterIdentifier}：プライマリは ${stack.region}、セカンダリクラスターは ${props.replicaRegion}（インスタンス ${database.drInstances} 台）`,
      });
    }
  }

  /**
   * Creates the master user secret of a global database member and replicates it to the DR region
   * under the same name, encrypted there with the system's key of the same alias. RDS cannot
   * manage the password of a global database member, so Secrets Manager generates it.
   */
  private createReplicatedMasterSecret(
    props: SystemDatabaseProps,
    replicaRegion: string,
  ): secretsmanager.Secret {
    const { system, database, key } = props;
    const stack = Stack.of(this);
    const secret = new secretsmanager.Secret(this, 'MasterSecret', {
      secretName: database.masterSecretName,
      description: `Kinko system ${system.name}: master user of Aurora cluster ${database.clusterIdentifier}`,
      encryptionKey: key,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: database.masterUsername }),
        generateStringKey: 'password',
        passwordLength: 32,
        // RDS rejects these characters in a master password.
        excludeCharacters: '"@/\\\' ',
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const resource = secret.node.defaultChild as secretsmanager.CfnSecret;
    resource.replicaRegions = [
      {
        region: replicaRegion,
        kmsKeyId: `arn:${stack.partition}:kms:${replicaRegion}:${stack.account}:${system.kmsAliasName}`,
      },
    ];
    const rotationReason =
      'Rotating the master password of a global database needs a rotation function that updates the primary cluster, and Kinko deploys no function. Only administrators use the master user, not the apps.';
    acknowledgeRule(secret, 'AwsSolutions-SMG4', rotationReason);
    acknowledgeRule(secret, 'NIST.800.53.R5-SecretsManagerRotationEnabled', rotationReason);
    return secret;
  }
}
