/**
 * R6: a PodDisruptionBudget in the same namespace selects the pods of each Deployment,
 * StatefulSet and Argo Rollout, so a drain evicts them a few at a time. The budget's selector is
 * matched against the pod template's labels. In policy/v1 an empty selector selects every pod of
 * the namespace; in policy/v1beta1 it selects none.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit } from '../rule.js';
import { isRecord, namespaceOf, recordAt } from '../resource.js';
import { isEmptySelector, selectorMatches } from '../selector.js';
import { podTemplateOf } from '../workload.js';

const KINDS = ['Deployment', 'StatefulSet', 'Rollout'];

export const pdbSelectsWorkload: RuleUnit = {
  id: 'pdb-selects-workload',
  scope: 'set',
  check: (resource, { index }) => {
    if (!KINDS.includes(resource.kind)) return NOT_APPLICABLE;
    const pod = podTemplateOf(resource);
    if (pod === undefined) return NOT_APPLICABLE;
    const namespace = namespaceOf(resource);

    const selected = index.inNamespace('PodDisruptionBudget', namespace).some((budget) => {
      const selector = recordAt(budget.body, 'spec')?.['selector'];
      if (
        budget.apiVersion === 'policy/v1beta1' &&
        (!isRecord(selector) || isEmptySelector(selector))
      ) {
        return false;
      }
      return selectorMatches(selector, pod.labels);
    });
    if (selected) return outcomeOf([]);
    return outcomeOf([
      { params: { namespace }, path: [...pod.specPath.slice(0, -1), 'metadata', 'labels'] },
    ]);
  },
};
