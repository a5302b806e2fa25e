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

/** Lists the namespace-wide PeerAuthentications of `namespace`, as name and mode, UNSET left out. */
function namespacePolicies(index: ObjectIndex, namespace: string): [string, string][] {
  return index
    .inNamespace('PeerAuthentication', namespace)
    .filter((policy) => isPeerAuthentication(policy) && coversWholeNamespace(policy))
    .flatMap((policy): [string, string][] => {
      const mode = mtlsModeOf(policy);
      return mode === undefined || mode === 'UNSET' ? [] : [[policy.name, mode]];
    });
}

/**
 * Returns the violation at the level in force: the namespace's own policies, else the mesh's. Several
 * namespace-wide policies at one level are ambiguous, since Istio applies only one of them, so
 * STRICT next to a looser mode is not STRICT (mtls-strict reports the looser one itself).
 */
function violationOf(
  index: ObjectIndex,
  namespace: string,
): { variant?: string; params: Record<string, string> } | undefined {
  const own = namespacePolicies(index, namespace);
  const level = own.length > 0 ? own : namespacePolicies(index, MESH_ROOT_NAMESPACE);
  const prefix = own.length > 0 ? '' : 'mesh';
  const params = { namespace, root: MESH_ROOT_NAMESPACE };
  if (level.length === 0) return { params };
  if (level.every(([, mode]) => mode === 'STRICT')) return undefined;
  const policies = level.map(([name, mode]) => `${name} (${mode})`).join(', ');
  if (level.length > 1) {
    return {
      variant: prefix === '' ? 'ambiguous' : 'meshAmbiguous',
      params: { ...params, policies },
    };
  }
  return {
    variant: prefix === '' ? 'notStrict' : 'meshNotStrict',
    params: { ...params, policies },
  };
}

export const namespaceMtlsStrict: RuleUnit = {
  id: 'namespace-mtls-strict',
  scope: 'set',
  variants: ['ambiguous', 'meshAmbiguous', 'notStrict', 'meshNotStrict'],
  check: (resource, { settings, index }) => {
    if (resource.kind !== 'Namespace' || !isSystemNamespace(settings, resource.name)) {
      return NOT_APPLICABLE;
    }
    const violation = violationOf(index, resource.name);
    if (violation === undefined) return outcomeOf([]);
    return outcomeOf([{ ...violation, path: ['metadata', 'name'] }]);
  },
};
