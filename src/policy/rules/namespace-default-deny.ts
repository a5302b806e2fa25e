/**
 * S8: each Namespace has a default-deny NetworkPolicy for ingress and for egress: a policy that
 * selects every pod (`podSelector: {}`), lists the direction in policyTypes and allows nothing
 * in it. Policies are additive, so other policies then open only what a system needs. The two
 * directions may come from one policy or two.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit } from '../rule.js';
import { arrayAt, isRecord, type KubeResource } from '../resource.js';
import { isEmptySelector } from '../selector.js';

type Direction = 'Ingress' | 'Egress';

/** The directions a NetworkPolicy denies for every pod of its namespace. */
function deniedDirections(policy: KubeResource): Direction[] {
  const spec = policy.body['spec'];
  if (!isRecord(spec) || !isEmptySelector(spec['podSelector'])) return [];
  // Without policyTypes, a policy covers Ingress, and Egress only when it has egress rules.
  const declared = arrayAt(spec, 'policyTypes');
  const types: unknown[] = spec['policyTypes'] === undefined ? ['Ingress'] : declared;
  const denied: Direction[] = [];
  if (types.includes('Ingress') && arrayAt(spec, 'ingress').length === 0) denied.push('Ingress');
  if (types.includes('Egress') && arrayAt(spec, 'egress').length === 0) denied.push('Egress');
  return denied;
}

export const namespaceDefaultDeny: RuleUnit = {
  id: 'namespace-default-deny',
  scope: 'set',
  check: (resource, { index }) => {
    if (resource.kind !== 'Namespace') return NOT_APPLICABLE;
    const denied = new Set(
      index.inNamespace('NetworkPolicy', resource.name).flatMap(deniedDirections),
    );
    const missing = (['Ingress', 'Egress'] as const).filter((direction) => !denied.has(direction));
    if (missing.length === 0) return outcomeOf([]);
    return outcomeOf([
      {
        params: { namespace: resource.name, directions: missing.join(', ') },
        path: ['metadata', 'name'],
      },
    ]);
  },
};
