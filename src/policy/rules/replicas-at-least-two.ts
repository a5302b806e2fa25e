/**
 * R2: a replicated workload runs at least two replicas, so losing a node or a zone leaves one
 * serving. An omitted `spec.replicas` means 1.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit } from '../rule.js';
import { recordAt } from '../resource.js';
import { REPLICATED_KINDS } from '../workload.js';

export const replicasAtLeastTwo: RuleUnit = {
  id: 'replicas-at-least-two',
  scope: 'object',
  cel: {
    target: { scope: 'workload', replicatedOnly: true },
    expression: () => 'has(object.spec.replicas) && object.spec.replicas >= 2',
    messageParams: () => ({
      replicas: "has(object.spec.replicas) ? string(object.spec.replicas) : '1'",
    }),
  },
  check: (resource) => {
    if (!REPLICATED_KINDS.includes(resource.kind)) return NOT_APPLICABLE;
    // NOTE: a HorizontalPodAutoscaler's minReplicas is not read; a workload it scales and that
    // omits replicas is reported, and a suppression with the autoscaler as reason clears it.
    const replicas = recordAt(resource.body, 'spec')?.['replicas'] ?? 1;
    if (typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 2) {
      return outcomeOf([]);
    }
    return outcomeOf([{ params: { replicas: String(replicas) }, path: ['spec', 'replicas'] }]);
  },
};
