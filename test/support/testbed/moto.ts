import { join } from 'node:path';

import { LOOPBACK, freePort, probe } from './network.js';
import { ManagedProcess } from './process.js';
import { waitFor } from './wait.js';

/** Time moto gets to start serving HTTP. */
const START_TIMEOUT_MS = 60_000;

/** Region the test bed's AWS clients use; moto accepts any. */
export const AWS_REGION = 'ap-northeast-1';

/**
 * Credentials for moto, which accepts any. They are dummies so that no real credentials from the
 * environment or a profile ever reach a request, even a misrouted one.
 */
export const DUMMY_AWS_CREDENTIALS = {
  accessKeyId: 'testing',
  secretAccessKey: 'testing',
} as const;

/** Environment for any process that may call AWS: dummy credentials, the region, no instance metadata lookups. */
export function awsEnvironment(): NodeJS.ProcessEnv {
  return {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: DUMMY_AWS_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_AWS_CREDENTIALS.secretAccessKey,
    AWS_REGION,
    AWS_DEFAULT_REGION: AWS_REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

export interface MotoOptions {
  binary: string;
  stateDir: string;
}

/** Start moto in server mode on 127.0.0.1, wait until it serves HTTP, and return the process and its endpoint URL. */
export async function startMoto(
  options: MotoOptions,
): Promise<{ process: ManagedProcess; endpoint: string }> {
  const port = await freePort();
  const endpoint = `http://${LOOPBACK}:${port}`;
  // Drop every AWS_* variable (profiles, session tokens, endpoint overrides) before adding the dummies.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );

  const moto = new ManagedProcess({
    name: 'moto',
    command: options.binary,
    args: ['-H', LOOPBACK, '-p', String(port)],
    env: { ...inherited, ...awsEnvironment() },
    logPath: join(options.stateDir, 'moto.log'),
    cwd: options.stateDir,
  });

  try {
    await waitFor(
      async () => ((await probe(`${endpoint}/moto-api/`)).status === 200 ? true : undefined),
      {
        description: `moto ${endpoint}/moto-api/ to return 200`,
        timeoutMs: START_TIMEOUT_MS,
        abortReason: () => (moto.hasExited ? moto.describeExit() : undefined),
      },
    );
  } catch (error) {
    throw await moto.abortStart((error as Error).message);
  }
  return { process: moto, endpoint };
}
