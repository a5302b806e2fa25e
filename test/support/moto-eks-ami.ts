/**
 * A moto server whose SSM contains EKS-optimized AMI parameters under `/aws/service/eks/...`.
 *
 * moto 5.2.5 bundles no EKS AMI parameters (only Amazon Linux, ECS and global infrastructure), and
 * its PutParameter rejects every name under `/aws/` with AccessDeniedException ("No access to
 * reserved parameter name"), as AWS does. So this helper runs moto's own threaded server from the
 * test bed's Python, after writing the parameters straight into moto's SSM backend in that
 * process. Everything else (EKS, the SSM API and its GetParameters and GetParametersByPath
 * responses) is moto unchanged, reached over HTTP on 127.0.0.1.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { buildTestbed } from './testbed/build.js';
import { awsEnvironment } from './testbed/moto.js';
import { LOOPBACK, freePort, probe } from './testbed/network.js';
import { ManagedProcess } from './testbed/process.js';
import { waitFor } from './testbed/wait.js';

/** Parameter name → value, per region. */
export type SsmSeed = Readonly<Record<string, Readonly<Record<string, string>>>>;

const SEED_SCRIPT = `
import json, sys, threading
from datetime import datetime, timezone
from moto.core import DEFAULT_ACCOUNT_ID
from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from moto.ssm.models import Parameter, ssm_backends

port, seed_file = int(sys.argv[1]), sys.argv[2]
with open(seed_file) as handle:
    seed = json.load(handle)
for region, parameters in seed.items():
    store = ssm_backends[DEFAULT_ACCOUNT_ID][region]._parameters
    for name, value in parameters.items():
        store[name].append(Parameter(
            account_id=DEFAULT_ACCOUNT_ID, name=name, value=value, parameter_type="String",
            description=None, allowed_pattern=None, keyid=None,
            last_modified_date=datetime.now(timezone.utc), version=1, data_type="text"))
server = ThreadedMotoServer(ip_address="${LOOPBACK}", port=port, verbose=False)
server.start()
threading.Event().wait()
`;

export interface SeededMoto {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Starts the seeded moto on 127.0.0.1 and waits until it serves HTTP; logs go to `stateDir`. */
export async function startSeededMoto(stateDir: string, seed: SsmSeed): Promise<SeededMoto> {
  const paths = await buildTestbed(['python']);
  const python = join(dirname(paths.motoServer), 'python');
  const port = await freePort();
  const endpoint = `http://${LOOPBACK}:${port}`;
  const seedFile = join(stateDir, 'ssm-seed.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );

  const moto = new ManagedProcess({
    name: 'moto-eks-ami',
    command: python,
    args: ['-c', SEED_SCRIPT, String(port), seedFile],
    env: { ...inherited, ...awsEnvironment() },
    logPath: join(stateDir, 'moto-eks-ami.log'),
    cwd: stateDir,
  });
  try {
    await waitFor(
      async () => ((await probe(`${endpoint}/moto-api/`)).status === 200 ? true : undefined),
      {
        description: `moto ${endpoint}/moto-api/ to return 200`,
        timeoutMs: 60_000,
        abortReason: () => (moto.hasExited ? moto.describeExit() : undefined),
      },
    );
  } catch (error) {
    throw await moto.abortStart((error as Error).message);
  }
  return { endpoint, stop: () => moto.stop() };
}
