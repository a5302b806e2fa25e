/**
 * R2: no pod spec uses the `failure-domain.beta.kubernetes.io/*` labels, deprecated since
 * Kubernetes 1.17 in favour of `topology.kubernetes.io/zone` and `topology.kubernetes.io/region`.
 * Nodes that no longer carry them make a spread or an affinity on them silently do nothing.
 */
import { checkPod } from '../pod-rule.js';
import type { FieldPath, RuleUnit, Violation } from '../rule.js';
import { isRecord } from '../resource.js';

const DEPRECATED_PREFIX = 'failure-domain.beta.kubernetes.io/';

/** Fields of a pod spec where a node label appears, as a key or as a value. */
const LABEL_FIELDS = ['nodeSelector', 'affinity', 'topologySpreadConstraints'];

function findDeprecated(value: unknown, path: FieldPath, found: Violation[]): void {
  if (typeof value === 'string') {
    if (value.startsWith(DEPRECATED_PREFIX)) found.push({ params: { label: value }, path });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findDeprecated(item, [...path, index], found));
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith(DEPRECATED_PREFIX))
        found.push({ params: { label: key }, path: [...path, key] });
      findDeprecated(item, [...path, key], found);
    }
  }
}

export const noDeprecatedTopologyLabels: RuleUnit = {
  id: 'no-deprecated-topology-labels',
  scope: 'object',
  check: (resource) =>
    checkPod(resource, (pod) => {
      const found: Violation[] = [];
      for (const field of LABEL_FIELDS) {
        findDeprecated(pod.spec[field], [...pod.specPath, field], found);
      }
      return found;
    }),
};
