/**
 * S2: a Namespace enforces the Pod Security `restricted` profile, so the API server itself
 * rejects a pod that breaks the S1 settings, whatever created it.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit } from '../rule.js';
import { recordAt, stringMapAt } from '../resource.js';

const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

export const namespacePodSecurity: RuleUnit = {
  id: 'namespace-pod-security',
  scope: 'object',
  check: (resource) => {
    if (resource.kind !== 'Namespace') return NOT_APPLICABLE;
    const labels = stringMapAt(recordAt(resource.body, 'metadata'), 'labels');
    const level = labels[ENFORCE_LABEL];
    if (level === 'restricted') return outcomeOf([]);
    return outcomeOf([
      {
        params: { label: ENFORCE_LABEL, value: level ?? 'unset' },
        path: ['metadata', 'labels'],
      },
    ]);
  },
};
