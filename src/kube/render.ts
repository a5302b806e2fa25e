/**
 * Serialization of manifest files: multi-document YAML with a stable key order, so the same
 * model always produces the same bytes and a reviewer's diff shows only real changes.
 */
import { dumpYaml } from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';

import type { KubeObject } from './kube-object.js';

/** Keys written first, in this order, wherever they appear; all other keys follow sorted. */
const LEADING_KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace'];

function compareKeys(a: string, b: string): number {
  const rankA = LEADING_KEYS.indexOf(a);
  const rankB = LEADING_KEYS.indexOf(b);
  if (rankA !== -1 || rankB !== -1) {
    if (rankA === -1) return 1;
    if (rankB === -1) return -1;
    return rankA - rankB;
  }
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;

  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    sorted[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

/**
 * Converts an object to its API (wire) form with plain keys in canonical order. The client
 * library's serializer maps its TypeScript property names to the API's (`_from` becomes `from`)
 * and passes custom resources through unchanged.
 */
export function toWireObject(object: KubeObject): Record<string, unknown> {
  const wireYaml = dumpYaml(object, { noRefs: true, lineWidth: -1 });
  return sortKeysDeep(parse(wireYaml)) as Record<string, unknown>;
}

/** Renders objects as YAML documents separated by `---`, ending with a newline. */
export function renderObjects(objects: readonly KubeObject[]): string {
  return objects
    .map((object) =>
      stringify(toWireObject(object), { lineWidth: 0, aliasDuplicateObjects: false }),
    )
    .join('---\n');
}
