import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Parts of the test bed that testbed/build.sh builds or fetches separately. */
export type TestbedComponent = 'etcd' | 'kubernetes' | 'kwok' | 'python' | 'crds';

/** Paths that testbed/build.sh prints with --print-paths. */
export interface TestbedPaths {
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kwok: string;
  /** Folder of the kwok Stage files that make nodes and pods turn Ready. */
  kwokStagesDir: string;
  motoServer: string;
  cfnLint: string;
  /** Folders whose *.yaml files are the CRDs to install. */
  crdDirs: string[];
  auditPolicy: string;
}

const builds = new Map<string, Promise<TestbedPaths>>();

/** Return the repository root: the nearest folder above this file that contains testbed/build.sh. */
export function repositoryRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(folder, 'testbed', 'build.sh'))) {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) {
      throw new Error(`testbed: no testbed/build.sh found above ${fileURLToPath(import.meta.url)}`);
    }
    folder = parent;
  }
}

/**
 * Run testbed/build.sh for `components` and return the paths of what it built. A warm cache makes
 * this about a second; a cold one builds Kubernetes from source, which takes many minutes. Each
 * set of components is built once per Node.js process.
 */
export async function buildTestbed(components: readonly TestbedComponent[]): Promise<TestbedPaths> {
  const key = [...new Set(components)].sort().join(' ');
  let build = builds.get(key);
  if (build === undefined) {
    build = runBuildScript(key.split(' '));
    builds.set(key, build);
    build.catch(() => builds.delete(key));
  }
  return build;
}

async function runBuildScript(components: string[]): Promise<TestbedPaths> {
  const script = join(repositoryRoot(), 'testbed', 'build.sh');
  return new Promise((resolve, reject) => {
    // Progress goes to this process's stderr, so a slow cold build shows what it is doing.
    const child = spawn('sh', [script, '--print-paths', ...components], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.once('error', (error) =>
      reject(new Error(`testbed: cannot run ${script}: ${error.message}`)),
    );
    child.once('close', (code, signal) => {
      if (code !== 0) {
        reject(
          new Error(
            `testbed: ${script} ${components.join(' ')} failed (${signal ?? `exit code ${code}`}); its output above says why`,
          ),
        );
        return;
      }
      try {
        resolve(JSON.parse(stdout) as TestbedPaths);
      } catch (error) {
        reject(
          new Error(
            `testbed: ${script} printed invalid JSON (${(error as Error).message}): ${stdout}`,
          ),
        );
      }
    });
  });
}
