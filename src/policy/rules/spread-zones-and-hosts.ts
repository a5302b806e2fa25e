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
import { celString, POD_LABELS, POD_SPEC } from '../cel/rule.js';
import { selectorSelects } from '../cel/selector.js';

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

/** CEL: whether the pod spreads over `key`, as `spreadsOver` decides. */
function celSpreadsOver(key: string): string {
  const spec = POD_SPEC;
  const term = (value: string): string =>
    `has(${value}.topologyKey) && ${value}.topologyKey == ${celString(key)} &&` +
    ` has(${value}.labelSelector) && ${selectorSelects(`${value}.labelSelector`, POD_LABELS)}`;
  const antiAffinity = `${spec}.affinity.podAntiAffinity`;
  const required = `${antiAffinity}.requiredDuringSchedulingIgnoredDuringExecution`;
  const preferred = `${antiAffinity}.preferredDuringSchedulingIgnoredDuringExecution`;
  return (
    `((has(${spec}.topologySpreadConstraints) && ${spec}.topologySpreadConstraints.exists(t, ${term('t')}))` +
    ` || (has(${spec}.affinity) && has(${antiAffinity}) && (` +
    `(has(${required}) && ${required}.exists(t, ${term('t')}))` +
    ` || (has(${preferred}) && ${preferred}.exists(w, has(w.podAffinityTerm) && has(w.weight) &&` +
    ` w.weight == ${FULL_WEIGHT} && ${term('w.podAffinityTerm')})))))`
  );
}
export const spreadZonesAndHosts: RuleUnit = {
  id: 'spread-zones-and-hosts',
  scope: 'object',
  cel: {
    target: { scope: 'pod', replicatedOnly: true },
    expression: () => `${celSpreadsOver(ZONE_KEY)} && ${celSpreadsOver(HOSTNAME_KEY)}`,
    messageParams: () => ({
      keys:
        `((${celSpreadsOver(ZONE_KEY)} ? [] : [${celString(ZONE_KEY)}]) +` +
        ` (${celSpreadsOver(HOSTNAME_KEY)} ? [] : [${celString(HOSTNAME_KEY)}])).join(', ')`,
    }),
  },
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
