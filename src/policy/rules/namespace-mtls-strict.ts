/**
 * S5: every business system's Namespace in the set is covered by STRICT mTLS. Istio takes the
 * mode of a pod from the namespace's PeerAuthentication without a workload selector, and from
 * the one in the root namespace (the whole mesh) when the namespace has none or leaves the mode
 * UNSET. Istio's own default is PERMISSIVE, so without a STRICT policy at one of those levels
 * ztunnel accepts plaintext into the system's pods.
 */
import type { ObjectIndex } from '../object-index.js';
import { NOT_APPLICABLE, outcomeOf, type RuleUnit } from '../rule.js';
import {
  MESH_ROOT_NAMESPACE,
  coversWholeNamespace,
  isPeerAuthentication,
  isSystemNamespace,
  mtlsModeOf,
} from './mesh.js';

/** Modes set by the namespace-wide PeerAuthentications of `namespace`, UNSET left out. */
function namespaceModes(index: ObjectIndex, namespace: string): string[] {
  return index
    .inNamespace('PeerAuthentication', namespace)
    .filter((policy) => isPeerAuthentication(policy) && coversWholeNamespace(policy))
    .map(mtlsModeOf)
    .filter((mode): mode is string => mode !== undefined && mode !== 'UNSET');
}

/**
 * True when STRICT is the mode in force: the namespace's own modes, else the mesh's. A looser
 * mode next to STRICT at the same level counts as not STRICT, since Istio applies only one of
 * them (mtls-strict reports the looser one itself).
 */
function coveredByStrict(index: ObjectIndex, namespace: string): boolean {
  const own = namespaceModes(index, namespace);
  if (own.length > 0) return own.every((mode) => mode === 'STRICT');
  const mesh = namespaceModes(index, MESH_ROOT_NAMESPACE);
  return mesh.length > 0 && mesh.every((mode) => mode === 'STRICT');
}

export const namespaceMtlsStrict: RuleUnit = {
  id: 'namespace-mtls-strict',
  scope: 'set',
  check: (resource, { settings, index }) => {
    if (resource.kind !== 'Namespace' || !isSystemNamespace(settings, resource.name)) {
      return NOT_APPLICABLE;
    }
    if (coveredByStrict(index, resource.name)) return outcomeOf([]);
    return outcomeOf([
      {
        params: { namespace: resource.name, root: MESH_ROOT_NAMESPACE },
        path: ['metadata', 'name'],
      },
    ]);
  },
};
