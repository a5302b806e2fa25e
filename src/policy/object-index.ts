/** A read-only index of the objects being checked, for cross-resource rules. */
import { namespaceOf, type KubeResource } from './resource.js';

export interface ObjectIndex {
  /** Objects of `kind` in `namespace` (an omitted namespace counts as `default`). */
  inNamespace(kind: string, namespace: string): readonly KubeResource[];
  find(kind: string, namespace: string, name: string): KubeResource | undefined;
}

export function buildObjectIndex(resources: readonly KubeResource[]): ObjectIndex {
  const byKindAndNamespace = new Map<string, KubeResource[]>();
  for (const resource of resources) {
    const key = `${resource.kind}\u0000${namespaceOf(resource)}`;
    const list = byKindAndNamespace.get(key);
    if (list === undefined) byKindAndNamespace.set(key, [resource]);
    else list.push(resource);
  }
  const inNamespace = (kind: string, namespace: string): readonly KubeResource[] =>
    byKindAndNamespace.get(`${kind}\u0000${namespace}`) ?? [];
  return {
    inNamespace,
    find: (kind, namespace, name) =>
      inNamespace(kind, namespace).find((resource) => resource.name === name),
  };
}

export const EMPTY_INDEX: ObjectIndex = buildObjectIndex([]);
