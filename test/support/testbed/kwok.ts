import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CoreV1Api, type KubeConfig, type V1Node } from '@kubernetes/client-node';

import { LOOPBACK, freePort, probe } from './network.js';
import { ManagedProcess } from './process.js';
import { waitFor } from './wait.js';

/** Zones that the simulated nodes spread over, round robin: the three AZs of ap-northeast-1 that EKS uses. */
export const TESTBED_ZONES = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'] as const;
export const TESTBED_REGION = 'ap-northeast-1';

/** Annotation that marks a node as simulated; kwok manages only nodes that carry it. */
const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';
const KWOK_NODE_ANNOTATION_VALUE = 'fake';

/**
 * Pod addresses that kwok hands out. They come from the benchmarking range 198.18.0.0/15, which no
 * host on this machine's networks holds, and nothing connects to them: no kube-proxy or CNI runs.
 */
const POD_CIDR = '198.18.0.0/16';

/** Time kwok and its nodes get to become ready. */
const START_TIMEOUT_MS = 60_000;

export interface KwokOptions {
  binary: string;
  stagesDir: string;
  stateDir: string;
  kubeconfigPath: string;
}

/**
 * Start kwok, managing only nodes annotated `kwok.x-k8s.io/node=fake`, with its server on
 * 127.0.0.1. The node IP is 127.0.0.1 too, so a kube-apiserver request for a pod's logs or exec
 * reaches kwok's server and never leaves the machine.
 */
export async function startKwok(options: KwokOptions): Promise<ManagedProcess> {
  const port = await freePort();
  const stageFiles = readdirSync(options.stagesDir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => join(options.stagesDir, file));

  const kwok = new ManagedProcess({
    name: 'kwok',
    command: options.binary,
    args: [
      ...stageFiles.map((file) => `--config=${file}`),
      `--kubeconfig=${options.kubeconfigPath}`,
      '--manage-all-nodes=false',
      `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION}=${KWOK_NODE_ANNOTATION_VALUE}`,
      `--server-address=${LOOPBACK}:${port}`,
      `--node-ip=${LOOPBACK}`,
      `--node-port=${port}`,
      `--cidr=${POD_CIDR}`,
      // kwok renews no node Lease by default, and its stages refresh node conditions only every
      // 10 to 20 minutes. The node lifecycle controller then finds no heartbeat after its grace
      // period (50 s) and marks every pod on the node not Ready. A 40 s lease, the kubelet's
      // default, keeps the nodes and their pods Ready.
      '--node-lease-duration-seconds=40',
    ],
    logPath: join(options.stateDir, 'kwok.log'),
  });

  const url = `http://${LOOPBACK}:${port}/healthz`;
  try {
    await waitFor(async () => ((await probe(url)).status === 200 ? true : undefined), {
      description: `kwok ${url} to return 200`,
      timeoutMs: START_TIMEOUT_MS,
      abortReason: () => (kwok.hasExited ? kwok.describeExit() : undefined),
    });
  } catch (error) {
    throw await kwok.abortStart((error as Error).message);
  }
  return kwok;
}

/** Return the manifest of simulated node `index`: zone round robin, unique hostname, 4 CPUs, 16 GiB, 110 pods. */
export function kwokNodeManifest(index: number): V1Node {
  const zone = TESTBED_ZONES[index % TESTBED_ZONES.length] ?? TESTBED_ZONES[0];
  const name = `kwok-node-${index}`;
  const resources = { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '80Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: {
        [KWOK_NODE_ANNOTATION]: KWOK_NODE_ANNOTATION_VALUE,
        'node.alpha.kubernetes.io/ttl': '0',
      },
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/zone': zone,
        'topology.kubernetes.io/region': TESTBED_REGION,
        type: 'kwok',
      },
    },
    // Node status may be set on create; kwok keeps it up to date afterwards.
    status: { capacity: resources, allocatable: resources },
  };
}

/** Create `count` simulated nodes and wait until kwok reports every one Ready; returns their names. */
export async function createKwokNodes(
  kubeConfig: KubeConfig,
  count: number,
  kwok: ManagedProcess,
): Promise<string[]> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    const node = kwokNodeManifest(index);
    await core.createNode({ body: node });
    names.push(node.metadata?.name ?? '');
  }

  try {
    await waitFor(
      async () => {
        const nodes = await core.listNode({ labelSelector: 'type=kwok' });
        const ready = nodes.items.filter((node) =>
          node.status?.conditions?.some(
            (condition) => condition.type === 'Ready' && condition.status === 'True',
          ),
        );
        return ready.length >= count ? true : undefined;
      },
      {
        description: `${count} kwok nodes to turn Ready`,
        timeoutMs: START_TIMEOUT_MS,
        intervalMs: 500,
        abortReason: () => (kwok.hasExited ? kwok.describeExit() : undefined),
      },
    );
  } catch (error) {
    throw await kwok.abortStart((error as Error).message);
  }
  return names;
}
