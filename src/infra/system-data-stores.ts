import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { ResolvedSystem } from '../model/platform.js';
import { DatabaseFoundation, SystemDatabase } from './aurora.js';
import type { ControlLedger } from './control-ledger.js';
import { createFileSystemSecurityGroup, NFS_PORT, SystemFileSystem } from './efs.js';

export interface SystemDataStoresProps {
  readonly system: ResolvedSystem;
  readonly vpc: ec2.IVpc;
  readonly key: kms.IKey;
  readonly availabilityZones: readonly string[];
  /** The DR region, when one is declared and these are the primary region's stores. */
  readonly replicaRegion?: string;
  /** These are the DR region's parts, which wait for the replicas. */
  readonly isReplica: boolean;
  readonly ledger: ControlLedger;
}

/**
 * A system's EFS file system and Aurora cluster, as declared in platform.yaml. In the primary
 * region: the file system and the cluster. In the DR region: only what the replicas need there
 * before a failover, which is the security groups, and the subnet and parameter groups of the
 * secondary cluster that the DR database stack adds.
 */
export class SystemDataStores extends Construct {
  readonly fileSystem?: SystemFileSystem;
  /** Security group of the EFS mount targets, in either region. */
  readonly fileSystemSecurityGroup?: ec2.SecurityGroup;
  readonly database?: SystemDatabase;
  /** Security group, subnet group and parameter group of the Aurora cluster, in either region. */
  readonly databaseFoundation?: DatabaseFoundation;

  constructor(scope: Construct, id: string, props: SystemDataStoresProps) {
    super(scope, id);
    const { system } = props;

    if (system.efs !== undefined) {
      if (props.isReplica) {
        this.fileSystemSecurityGroup = createFileSystemSecurityGroup(
          this,
          'FileSystemSecurityGroup',
          props.vpc,
          system,
        );
      } else {
        this.fileSystem = new SystemFileSystem(this, 'Efs', {
          system,
          efs: system.efs,
          vpc: props.vpc,
          key: props.key,
          ledger: props.ledger,
          ...(props.replicaRegion !== undefined ? { replicaRegion: props.replicaRegion } : {}),
        });
        this.fileSystemSecurityGroup = this.fileSystem.securityGroup;
      }
    }

    if (system.database !== undefined) {
      if (props.isReplica) {
        this.databaseFoundation = new DatabaseFoundation(this, 'DatabaseFoundation', {
          system,
          database: system.database,
          vpc: props.vpc,
        });
      } else {
        this.database = new SystemDatabase(this, 'Database', {
          system,
          database: system.database,
          vpc: props.vpc,
          key: props.key,
          availabilityZones: props.availabilityZones,
          ledger: props.ledger,
          ...(props.replicaRegion !== undefined ? { replicaRegion: props.replicaRegion } : {}),
        });
        this.databaseFoundation = this.database.foundation;
      }
    }
  }
}

/**
 * Lets one cluster's nodes and pods reach the systems' data stores: NFS to each EFS security
 * group and the database port to each Aurora security group, from the cluster security group
 * that EKS puts on managed nodes. The cluster stack owns these rules, so retiring the cluster
 * removes them and leaves the stores untouched.
 */
export function allowClusterToDataStores(
  scope: Construct,
  clusterSecurityGroupId: string,
  systems: readonly ResolvedSystem[],
  dataStores: (system: string) => SystemDataStores | undefined,
): void {
  for (const system of systems) {
    const stores = dataStores(system.name);
    if (stores?.fileSystemSecurityGroup !== undefined) {
      new ec2.CfnSecurityGroupIngress(scope, `NfsTo-${system.name}`, {
        groupId: stores.fileSystemSecurityGroup.securityGroupId,
        sourceSecurityGroupId: clusterSecurityGroupId,
        ipProtocol: 'tcp',
        fromPort: NFS_PORT,
        toPort: NFS_PORT,
        description: `Cluster nodes to the EFS mount targets of system ${system.name}`,
      });
    }
    const database = system.database;
    if (stores?.databaseFoundation !== undefined && database !== undefined) {
      new ec2.CfnSecurityGroupIngress(scope, `DatabaseTo-${system.name}`, {
        groupId: stores.databaseFoundation.securityGroup.securityGroupId,
        sourceSecurityGroupId: clusterSecurityGroupId,
        ipProtocol: 'tcp',
        fromPort: database.port,
        toPort: database.port,
        description: `Cluster nodes to the Aurora cluster of system ${system.name}`,
      });
    }
  }
}
