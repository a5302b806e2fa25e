/**
 * S5: the pods of a business system stay captured by the mesh. An enrolled namespace is not
 * enough: the pod label `istio.io/dataplane-mode: none` takes a pod out of the mesh, and the
 * annotation `ambient.istio.io/bypass-inbound-capture: "true"` lets plaintext reach the pod
 * without ztunnel, so STRICT mTLS no longer applies to it. Both are checked on the pod template
 * of every workload kind in a system namespace.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit, type Violation } from '../rule.js';
import { namespaceOf } from '../resource.js';
import { podTemplateOf } from '../workload.js';
import { isSystemNamespace } from './mesh.js';

const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';
const BYPASS_INBOUND_CAPTURE_ANNOTATION = 'ambient.istio.io/bypass-inbound-capture';

export const meshPodCapture: RuleUnit = {
  id: 'mesh-pod-capture',
  scope: 'object',
  variants: ['bypass'],
  check: (resource, { settings }) => {
    const pod = podTemplateOf(resource);
    if (pod === undefined) return NOT_APPLICABLE;
    const namespace = namespaceOf(resource);
    if (!isSystemNamespace(settings, namespace)) return NOT_APPLICABLE;
    const metadataPath = [...pod.specPath.slice(0, -1), 'metadata'];
    const violations: Violation[] = [];

    const mode = pod.labels[DATAPLANE_MODE_LABEL];
    if (mode !== undefined && mode !== 'ambient') {
      violations.push({
        params: { namespace, label: DATAPLANE_MODE_LABEL, value: mode },
        path: [...metadataPath, 'labels', DATAPLANE_MODE_LABEL],
      });
    }
    const bypass = pod.annotations[BYPASS_INBOUND_CAPTURE_ANNOTATION];
    if (bypass !== undefined && bypass.trim().toLowerCase() === 'true') {
      violations.push({
        params: { namespace, annotation: BYPASS_INBOUND_CAPTURE_ANNOTATION },
        path: [...metadataPath, 'annotations', BYPASS_INBOUND_CAPTURE_ANNOTATION],
        variant: 'bypass',
      });
    }
    return outcomeOf(violations);
  },
};
