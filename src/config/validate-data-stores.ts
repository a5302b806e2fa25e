/**
 * Cross-field checks of the systems' data stores: the Aurora engine version belongs to its
 * engine, DR instances need a DR region, and the EFS mount path is free in the app containers.
 */
import { SECRETS_MOUNT_PATH, TMP_MOUNT_PATH } from '../model/platform.js';
import type { ReportProblem } from './validate-edge.js';
import type { PlatformConfig } from './schema.js';

/** Aurora MySQL version 3, compatible with MySQL 8.0, whose parameter group family is aurora-mysql8.0. */
const AURORA_MYSQL_VERSION = /^8\.0\.mysql_aurora\.3\.\d+\.\d+$/;
const AURORA_POSTGRESQL_VERSION = /^\d{2}\.\d{1,2}$/;

/** Tests whether one absolute path is the other or lies inside it. */
function overlaps(first: string, second: string): boolean {
  return first === second || first.startsWith(`${second}/`) || second.startsWith(`${first}/`);
}

export function validateDataStores(config: PlatformConfig, problem: ReportProblem): void {
  config.systems.forEach((system, si) => {
    const database = system.database;
    if (database !== undefined) {
      const versionPattern =
        database.engine === 'aurora-mysql' ? AURORA_MYSQL_VERSION : AURORA_POSTGRESQL_VERSION;
      if (!versionPattern.test(database.engineVersion)) {
        problem('config.database.engineVersion', ['systems', si, 'database', 'engineVersion'], {
          engine: database.engine,
          example: database.engine === 'aurora-mysql' ? '8.0.mysql_aurora.3.08.0' : '17.7',
        });
      }
      if (database.drInstances !== undefined && config.regions.dr === undefined) {
        problem('config.database.drInstancesWithoutDr', ['systems', si, 'database', 'drInstances']);
      }
    }

    const efs = system.efs;
    if (efs === undefined) return;
    if ((efs.fileSystemId === undefined) !== (efs.accessPointId === undefined)) {
      problem('config.efs.idsIncomplete', ['systems', si, 'efs']);
    }
    const mountPathPath = ['systems', si, 'efs', 'mountPath'];
    const kinkoMounts: [string, string, string][] = [
      [SECRETS_MOUNT_PATH, 'the secrets volume', 'シークレットのボリューム'],
      [TMP_MOUNT_PATH, 'the writable /tmp volume', '書き込み可能な /tmp のボリューム'],
    ];
    for (const [reservedPath, owner, ownerJa] of kinkoMounts) {
      if (overlaps(efs.mountPath, reservedPath)) {
        problem('config.mountPath.reserved', mountPathPath, { owner, ownerJa });
      }
    }
    const sharedFilesPath = system.sharedFiles?.mountPath;
    if (sharedFilesPath !== undefined && overlaps(efs.mountPath, sharedFilesPath)) {
      problem('config.efs.mountPathConflict', mountPathPath, { sharedFiles: sharedFilesPath });
    }
  });
}
