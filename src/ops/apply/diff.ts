/**
 * Normalization and diff of Kubernetes objects for `kinko apply --dry-run`: fields the server
 * owns (status, managedFields, resourceVersion, uid, timestamps) are dropped before comparing.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';

const SERVER_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
  'selfLink',
];

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** A copy of `object` without server-owned fields, with keys sorted, for comparison. */
export function normalizeObject(object: KubernetesObject): Record<string, unknown> {
  const copy = structuredClone(object) as Record<string, unknown> & {
    metadata?: Record<string, unknown>;
  };
  delete copy.status;
  if (copy.metadata !== undefined) {
    for (const field of SERVER_METADATA) delete copy.metadata[field];
    const annotations = copy.metadata.annotations as Record<string, string> | undefined;
    if (annotations !== undefined) {
      delete annotations['deployment.kubernetes.io/revision'];
      if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
    }
  }
  return sortKeys(copy) as Record<string, unknown>;
}

/** Unified diff of the live object (undefined when it does not exist) against the applied one. */
export function diffObjects(name: string, live: object | undefined, applied: object): string {
  const before = live === undefined ? '' : stringify(live);
  return createTwoFilesPatch(
    `live: ${name}`,
    `applied: ${name}`,
    before,
    stringify(applied),
    undefined,
    undefined,
    {
      context: 3,
    },
  );
}
