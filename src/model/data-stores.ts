/**
 * The resolved data stores of a system that live outside the cluster (R5) and replicate to the
 * DR region (R1): an Amazon EFS file system and an Aurora database cluster.
 */
import type { PlatformConfig } from '../config/schema.js';

type SystemConfig = PlatformConfig['systems'][number];

/** Aurora engines Kinko builds; both speak TLS and IAM database authentication. */
export type AuroraEngine = 'aurora-postgresql' | 'aurora-mysql';

/** Instances the DR secondary cluster gets when platform.yaml leaves `database.drInstances` unset. */
export const DEFAULT_DR_INSTANCES = 1;

export interface ResolvedEfs {
  /** Path inside each app container where the file system is mounted. */
  readonly mountPath: string;
  readonly throughputMode: 'elastic' | 'bursting';
  /** Value of the file system's Name tag, `<platform>-<system>`. */
  readonly fileSystemName: string;
  /** POSIX user and group that the access point enforces: the first app's runAsUser and runAsGroup. */
  readonly posixUser: { readonly uid: number; readonly gid: number };
  /** Directory the access point exposes as the root of the volume, `/<system>`. */
  readonly rootDirectory: string;
  readonly persistentVolumeName: string;
  readonly persistentVolumeClaimName: string;
  /**
   * CSI volume handle `<file system id>::<access point id>`; undefined until platform.yaml names
   * both ids, and until then the apps do not mount the file system.
   */
  readonly volumeHandle?: string;
}

export interface ResolvedDatabase {
  readonly engine: AuroraEngine;
  /** Full engine version, pinned in platform.yaml, for example `17.7`. */
  readonly engineVersion: string;
  /** Family of the cluster parameter group, for example `aurora-postgresql17`. */
  readonly parameterGroupFamily: string;
  readonly instanceClass: string;
  /** Instances of the primary cluster, spread over the Availability Zones. */
  readonly instances: number;
  /** Instances of the DR secondary cluster, where 0 means a headless secondary. */
  readonly drInstances: number;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  readonly port: number;
  /** DB cluster identifier, `<platform>-<system>`, the same in both regions. */
  readonly clusterIdentifier: string;
  /** Global cluster identifier; set only when a DR region is declared. */
  readonly globalClusterIdentifier?: string;
  readonly masterUsername: string;
  /**
   * Secrets Manager secret of the master user, set when the cluster belongs to a global database.
   * RDS cannot manage the master password of a global database member, so Kinko generates this
   * secret and replicates it to the DR region. Without a DR region, RDS manages the password.
   */
  readonly masterSecretName?: string;
  /** Log types exported to CloudWatch Logs. */
  readonly cloudwatchLogsExports: readonly string[];
  /** Cluster parameters: TLS required, and connection or audit logging. */
  readonly clusterParameters: Readonly<Record<string, string>>;
}

export function resolveEfs(platformName: string, system: SystemConfig): ResolvedEfs | undefined {
  const efs = system.efs;
  if (efs === undefined) return undefined;

  const owner = system.apps[0];
  const uid = owner?.runAsUser ?? 10001;
  return {
    mountPath: efs.mountPath,
    throughputMode: efs.throughputMode,
    fileSystemName: `${platformName}-${system.name}`,
    posixUser: { uid, gid: owner?.runAsGroup ?? uid },
    rootDirectory: `/${system.name}`,
    persistentVolumeName: `${platformName}-${system.name}-efs`,
    persistentVolumeClaimName: 'efs',
    ...(efs.fileSystemId !== undefined && efs.accessPointId !== undefined
      ? { volumeHandle: `${efs.fileSystemId}::${efs.accessPointId}` }
      : {}),
  };
}

export function resolveDatabase(
  platformName: string,
  system: SystemConfig,
  hasDr: boolean,
): ResolvedDatabase | undefined {
  const database = system.database;
  if (database === undefined) return undefined;

  const postgres = database.engine === 'aurora-postgresql';
  const identifier = `${platformName}-${system.name}`;
  return {
    engine: database.engine,
    engineVersion: database.engineVersion,
    parameterGroupFamily: parameterGroupFamily(database.engine, database.engineVersion),
    instanceClass: database.instanceClass,
    instances: database.instances,
    drInstances: hasDr ? (database.drInstances ?? DEFAULT_DR_INSTANCES) : 0,
    backupRetentionDays: database.backupRetentionDays,
    deletionProtection: database.deletionProtection,
    port: postgres ? 5432 : 3306,
    clusterIdentifier: identifier,
    ...(hasDr
      ? {
          globalClusterIdentifier: `${identifier}-global`,
          masterSecretName: `${platformName}/${system.name}/database`,
        }
      : {}),
    masterUsername: 'kinko_admin',
    cloudwatchLogsExports: postgres ? ['postgresql'] : ['audit', 'error', 'slowquery'],
    clusterParameters: postgres
      ? { 'rds.force_ssl': '1', log_connections: '1', log_disconnections: '1' }
      : {
          require_secure_transport: 'ON',
          server_audit_logging: '1',
          server_audit_events: 'CONNECT,QUERY_DCL,QUERY_DDL',
        },
  };
}

/**
 * Returns the parameter group family of an engine version: `aurora-postgresql<major>` for
 * PostgreSQL (`17.7` gives `aurora-postgresql17`), `aurora-mysql<major.minor>` for MySQL
 * (`8.0.mysql_aurora.3.08.0` gives `aurora-mysql8.0`).
 */
export function parameterGroupFamily(engine: AuroraEngine, engineVersion: string): string {
  const [major = '', minor = ''] = engineVersion.split('.');
  return engine === 'aurora-postgresql'
    ? `aurora-postgresql${major}`
    : `aurora-mysql${major}.${minor}`;
}
