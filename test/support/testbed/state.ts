import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Prefix of every state folder in the temporary directory. */
const STATE_DIR_PREFIX = 'kinko-testbed-';

/** File in a state folder that contains the pid of the Node.js process that owns it. */
const OWNER_FILE = 'owner.pid';

/** Environment variable that keeps the state folder (logs, certificates, etcd data) after `stop()`. */
export const KEEP_STATE_VARIABLE = 'KINKO_TESTBED_KEEP';

/** Create a new state folder owned by this process, after removing those of processes that died without cleaning up. */
export function createStateDir(): string {
  removeOrphanedStateDirs();
  const stateDir = mkdtempSync(join(tmpdir(), STATE_DIR_PREFIX));
  writeFileSync(join(stateDir, OWNER_FILE), `${process.pid}\n`);
  return stateDir;
}

/**
 * Remove a state folder, unless KINKO_TESTBED_KEEP=1 is set. A kept folder loses its
 * owner file, so no later run removes it either.
 */
export function removeStateDir(stateDir: string): void {
  if (process.env[KEEP_STATE_VARIABLE] === '1') {
    rmSync(join(stateDir, OWNER_FILE), { force: true });
    process.stderr.write(`testbed: kept ${stateDir} because ${KEEP_STATE_VARIABLE}=1\n`);
    return;
  }
  rmSync(stateDir, { recursive: true, force: true });
}

/**
 * Remove the state folders whose owner process no longer runs. Their components are already gone:
 * each one is started with a parent-death signal, so the kernel kills it with its owner, even when
 * the owner gets SIGKILL and runs no exit handler.
 */
function removeOrphanedStateDirs(): void {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith(STATE_DIR_PREFIX)) {
      continue;
    }
    const stateDir = join(tmpdir(), entry);
    let owner: number;
    try {
      owner = Number(readFileSync(join(stateDir, OWNER_FILE), 'utf8'));
    } catch {
      // No owner file: kept on purpose, or being created right now.
      continue;
    }
    if (Number.isInteger(owner) && owner > 0 && !isRunning(owner)) {
      rmSync(stateDir, { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid belongs to a process of another user, so it is running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
