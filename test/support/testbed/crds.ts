import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiextensionsV1Api,
  loadAllYaml,
  type KubeConfig,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';

import { waitFor } from './wait.js';

/**
 * Time the CRDs get to become Established. The 10 CRDs of the test bed, up to 650 KiB each, took
 * about 5 s on this project's 2-core machine.
 */
const ESTABLISH_TIMEOUT_MS = 120_000;

/** Read every CustomResourceDefinition from the *.yaml files in `folders`. */
export function readCrds(folders: readonly string[]): V1CustomResourceDefinition[] {
  const crds: V1CustomResourceDefinition[] = [];
  for (const folder of folders) {
    const files = readdirSync(folder)
      .filter((file) => file.endsWith('.yaml'))
      .sort();
    for (const file of files) {
      const documents = loadAllYaml(
        readFileSync(join(folder, file), 'utf8'),
      ) as (V1CustomResourceDefinition | null)[];
      for (const document of documents) {
        if (document?.kind === 'CustomResourceDefinition') {
          crds.push(document);
        }
      }
    }
  }
  return crds;
}

/** Create the CRDs and wait until the API server reports each one Established; returns their names. */
export async function installCrds(
  kubeConfig: KubeConfig,
  crds: readonly V1CustomResourceDefinition[],
): Promise<string[]> {
  const apiextensions = kubeConfig.makeApiClient(ApiextensionsV1Api);
  const names = crds.map((crd) => crd.metadata?.name ?? '');
  for (const crd of crds) {
    await apiextensions.createCustomResourceDefinition({ body: crd });
  }

  const pending = new Set(names);
  try {
    await waitFor(
      async () => {
        for (const name of pending) {
          const crd = await apiextensions.readCustomResourceDefinition({ name });
          if (
            crd.status?.conditions?.some(
              (condition) => condition.type === 'Established' && condition.status === 'True',
            )
          ) {
            pending.delete(name);
          }
        }
        return pending.size === 0 ? true : undefined;
      },
      {
        description: `${names.length} CRDs to become Established`,
        timeoutMs: ESTABLISH_TIMEOUT_MS,
        intervalMs: 500,
      },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; not Established: ${[...pending].join(', ')}`);
  }
  return names;
}
