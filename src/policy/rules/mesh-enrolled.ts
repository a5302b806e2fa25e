/**
 * S5: a business system's Namespace is enrolled in the ambient mesh, with the label
 * `istio.io/dataplane-mode: ambient`. Without it ztunnel does not carry the pods' traffic, so
 * nothing encrypts it and STRICT mTLS has nothing to enforce. A Namespace that also sets
 * `istio-injection: enabled` or a revision label `istio.io/rev` requests sidecar injection, and
 * Istio leaves a pod with a sidecar out of ambient capture; Kinko's platform runs no sidecars.
 * The system namespaces come from the platform's systems (`--config`).
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit, type Violation } from '../rule.js';
import { recordAt, stringMapAt } from '../resource.js';
import { isSystemNamespace } from './mesh.js';

const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';
const SIDECAR_INJECTION_LABEL = 'istio-injection';
const REVISION_LABEL = 'istio.io/rev';

export const meshEnrolled: RuleUnit = {
  id: 'mesh-enrolled',
  scope: 'object',
  variants: ['sidecar'],
  check: (resource, { settings }) => {
    if (resource.kind !== 'Namespace' || !isSystemNamespace(settings, resource.name)) {
      return NOT_APPLICABLE;
    }
    const labels = stringMapAt(recordAt(resource.body, 'metadata'), 'labels');
    const violations: Violation[] = [];

    const mode = labels[DATAPLANE_MODE_LABEL];
    if (mode !== 'ambient') {
      violations.push({
        params: { namespace: resource.name, label: DATAPLANE_MODE_LABEL, value: mode ?? 'unset' },
        path: ['metadata', 'labels'],
      });
    }
    const sidecarLabels = [
      ...(labels[SIDECAR_INJECTION_LABEL] === 'enabled' ? [SIDECAR_INJECTION_LABEL] : []),
      ...(labels[REVISION_LABEL] !== undefined ? [REVISION_LABEL] : []),
    ];
    for (const label of sidecarLabels) {
      violations.push({
        params: { namespace: resource.name, label, value: labels[label] ?? '' },
        path: ['metadata', 'labels', label],
        variant: 'sidecar',
      });
    }
    return outcomeOf(violations);
  },
};
