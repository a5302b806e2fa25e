/**
 * R2: a replicated workload's pods spread over zones and over nodes, each by a topology spread
 * constraint or by pod anti-affinity (required, or preferred with weight 100). The constraint's
 * label selector must select the workload's own pods, or it spreads nothing.
 */
import type { FieldPath, RuleUnit } from '../rule.js';
import { NOT_APPLICABLE, outcomeOf } from '../rule.js';
import { arrayAt, recordAt, stringAt } from '../resource.js';
import { selectorMatches } from '../selector.js';
import { podTemplateOf, REPLICATED_KINDS, type PodTemplate } from '../workload.js';

export const ZONE_KEY = 'topology.kubernetes.io/zone';
export const HOSTNAME_KEY = 'kubernetes.io/hostname';

/** The weight the scheduler gives a preference at most, which makes it outweigh other scores. */
const FULL_WEIGHT = 100;

function spreadsOver(pod: PodTemplate, key: string): boolean {
  const bySpread = arrayAt(pod.spec, 'topologySpreadConstraints').some(
    (constraint) =>
      stringAt(constraint, 'topologyKey') === key &&
      selectorMatches(recordAt(constraint, 'labelSelector'), pod.labels),
  );
  if (bySpread) return true;

  const antiAffinity = recordAt(recordAt(pod.spec, 'affinity'), 'podAntiAffinity');
  const termSpreads = (term: unknown): boolean =>
    stringAt(term, 'topologyKey') === key &&
    selectorMatches(recordAt(term, 'labelSelector'), pod.labels);
  const required = arrayAt(antiAffinity, 'requiredDuringSchedulingIgnoredDuringExecution');
  const preferred = arrayAt(antiAffinity, 'preferredDuringSchedulingIgnoredDuringExecution');
  return (
    required.some(termSpreads) ||
    preferred.some(
      (entry) =>
        recordAt(entry, 'podAffinityTerm') !== undefined &&
        (entry as Record<string, unknown>)['weight'] === FULL_WEIGHT &&
        termSpreads(recordAt(entry, 'podAffinityTerm')),
    )
  );
}

export const spreadZonesAndHosts: RuleUnit = {
  id: 'spread-zones-and-hosts',
  scope: 'object',
  check: (resource) => {
    if (!REPLICATED_KINDS.includes(resource.kind)) return NOT_APPLICABLE;
    const pod = podTemplateOf(resource);
    if (pod === undefined) return NOT_APPLICABLE;
    const missing = [ZONE_KEY, HOSTNAME_KEY].filter((key) => !spreadsOver(pod, key));
    if (missing.length === 0) return outcomeOf([]);
    const path: FieldPath = pod.specPath;
    return outcomeOf([{ params: { keys: missing.join(', ') }, path }]);
  },
};
